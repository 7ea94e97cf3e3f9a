"""manage.py run in a process of its own, as a server or a worker would run it."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage_run(*args: str, env: dict[str, str]) -> str:
    """Run `manage.py ARGS` with the environment ENV and return what it printed; the test
    fails with the command's error output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def shell_json(script: str, *, env: dict[str, str]):
    """Run SCRIPT in `manage.py shell` and read the JSON it printed on its last line."""
    return json.loads(manage_run("shell", "-c", script, env=env).strip().splitlines()[-1])
