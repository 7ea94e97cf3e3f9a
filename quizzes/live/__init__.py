"""Live classroom games: the pure rules (scoring, phases, frames) and the WebSocket consumers."""
