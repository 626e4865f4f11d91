"""The ``whodid`` command run inside the test process: no interpreter start-up, and commands that code
text reuse the session's spaCy model (``nlp``) instead of loading their own.

For commands whose subject is what they print or store; tests of the process itself (standard input,
a crash mid-ingest, the contract of a real run) start a real ``whodid`` subprocess instead.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
from typing import TYPE_CHECKING

from whodid.cli import main

if TYPE_CHECKING:
    from spacy.language import Language


def whodid(*args: str, nlp: Language | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``whodid ARGS`` in this process; its exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args), nlp=nlp)
        except SystemExit as e:  # argparse's usage errors and --help
            code = e.code if isinstance(e.code, int) else 0 if e.code is None else 1
    return subprocess.CompletedProcess(["whodid", *args], code, out.getvalue(), err.getvalue())
