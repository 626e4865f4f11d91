"""The ``whodid`` command run inside the test process: no interpreter start-up, and commands that code
text reuse the session's spaCy model (``nlp``) instead of loading their own.

For commands whose subject is what they print or store; tests of the process itself (standard input,
a crash mid-ingest, the contract of a real run) start a real ``whodid`` subprocess instead.

A command given the session's model also reuses whodid's own pipeline around it: ``whodid.pipeline.load``
with whodid's dictionaries alone (no ``--actors`` or ``--lexicon``) is loaded once for each
``--min-confidence`` and kept for the test run (0.2-0.3 s a command otherwise). A pipeline keeps no
state from one article to the next (``code_many`` and the session's ``pipeline`` fixture rely on it
too); a command with its own dictionaries loads them every time, as it would from the shell.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import whodid.pipeline as pipeline_module
from whodid.cli import main

if TYPE_CHECKING:
    from spacy.language import Language

    from whodid.pipeline import Pipeline

_load = pipeline_module.load
# (the model, min_confidence) -> the model and its pipeline (the model kept so that its id stays its own)
_loaded: dict[tuple[int, float | None], tuple[Language, Pipeline]] = {}


def _load_once(
    *,
    nlp: Language | None = None,
    actor_files: Sequence[str | Path] = (),
    lexicon_dirs: Sequence[str | Path] = (),
    **options: Any,
) -> Pipeline:
    """``whodid.pipeline.load``, kept for the run when it is the session model with whodid's own
    dictionaries; loaded anew for anything else."""
    if nlp is None or actor_files or lexicon_dirs or set(options) - {"min_confidence"}:
        return _load(nlp=nlp, actor_files=actor_files, lexicon_dirs=lexicon_dirs, **options)
    key = (id(nlp), options.get("min_confidence"))
    if key not in _loaded:
        _loaded[key] = (nlp, _load(nlp=nlp, **options))
    return _loaded[key][1]


def whodid(*args: str, nlp: Language | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``whodid ARGS`` in this process; its exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        mock.patch.object(pipeline_module, "load", _load_once),
    ):
        try:
            code = main(list(args), nlp=nlp)
        except SystemExit as e:  # argparse's usage errors and --help
            code = e.code if isinstance(e.code, int) else 0 if e.code is None else 1
    return subprocess.CompletedProcess(["whodid", *args], code, out.getvalue(), err.getvalue())
