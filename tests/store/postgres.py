"""A throwaway PostgreSQL server for the storage tests, started from the installed server binaries.

``WHODID_TEST_POSTGRESQL`` (an admin URL such as ``postgresql://me@127.0.0.1:5432/postgres``) points
the tests at a server you run yourself. Otherwise the server programs of Debian's ``postgresql``
package (``/usr/lib/postgresql/VERSION/bin``) or those on ``PATH`` start a new cluster in a temporary
directory, on a free loopback port, for the test session only; as root they run as the ``postgres``
user (PostgreSQL refuses to run as root). Without either, the PostgreSQL tests skip, except under CI
(``CI`` set), where a missing server is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bin() -> Path | None:
    """The directory of ``initdb`` and ``pg_ctl``, newest installed version first."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: _version(p.parts[-3]))
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(".") if x.isdigit())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def throwaway_server(bindir: Path) -> Iterator[str]:
    """Start a new cluster; yields the admin URL of its ``postgres`` database; stops and removes it."""
    root = Path(tempfile.mkdtemp(prefix="whodid-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()

    def run(*cmd: str) -> None:
        proc = subprocess.run([*as_user, *cmd], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stdout}{proc.stderr}")

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "whodid",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",  # a UTF-8 character type: LOWER folds every letter, as on most servers
            "--no-sync",  # a throwaway cluster (run with fsync=off): no flush of the new files
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
        try:
            yield f"postgresql://whodid@127.0.0.1:{port}/postgres"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
