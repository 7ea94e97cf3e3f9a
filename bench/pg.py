"""A throwaway PostgreSQL server for the benchmark: Debian's binaries, a temporary data
directory, loopback only, stopped and deleted on exit (as .ci/run starts one)."""

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _postgres_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    return versions[-1]


def _as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root; Debian's cluster tools run as the postgres user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server(port: int):
    """Start PostgreSQL on 127.0.0.1:port with a database "bench"; yield its URL."""
    pg_bin = _postgres_bin()
    workdir = Path(tempfile.mkdtemp(prefix="hq-bench-pg-"))
    data = workdir / "data"
    if os.geteuid() == 0:
        shutil.chown(workdir, user="postgres")
    run = lambda cmd: subprocess.run(_as_postgres(cmd), check=True, stdout=subprocess.DEVNULL)  # noqa: E731
    try:
        run([str(pg_bin / "initdb"), "-D", str(data), "-U", "hq", "--auth=trust",
             "--encoding=UTF8", "--locale=C.UTF-8"])  # fmt: skip
        options = (
            f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c max_connections=200 "
            "-c shared_buffers=256MB"
        )
        run([str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(workdir / "log"), "-w",
             "-o", options, "start"])  # fmt: skip
        try:
            subprocess.run(
                [str(pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "hq", "bench"],
                check=True,
            )
            yield f"postgres://hq@127.0.0.1:{port}/bench"
        finally:
            subprocess.run(
                _as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                stdout=subprocess.DEVNULL,
                check=False,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
