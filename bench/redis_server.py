"""A throwaway Redis for the benchmark, as `make run-prod` uses one when REDIS_URL is set
(the shared cache and the live games' channel layer across uvicorn's worker processes):
Debian's redis-server on a Unix socket in a temporary directory (no port to collide with
anyone's), nothing saved to disk, stopped and deleted on exit."""

import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def redis_server():
    """Start Redis on a Unix socket; yield its URL."""
    if not shutil.which("redis-server"):
        raise SystemExit("Redis is not installed: apt-get install redis-server")
    workdir = Path(tempfile.mkdtemp(prefix="hq-bench-redis-"))
    socket = workdir / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(socket), "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            if socket.exists():
                break
            if server.poll() is not None:
                raise SystemExit("redis-server exited during start-up")
            time.sleep(0.05)
        yield f"unix://{socket}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
