"""Question and flashcard generation from a lesson's own text, a module per step.

`pipeline.generate_bank` is the entry point: it takes plain lesson text (no Django
objects) and returns the questions and flashcards to save. Steps: `nlp` (parse once),
`entities` (one entity per lesson), `selection` (which sentences), `answers` (what to
ask), `distractors` (wrong options), the builders (`cloze`, `questions`, `truefalse`,
`sets`, `flashcards`) and `checks` (every filter rule as a pure function).
"""
