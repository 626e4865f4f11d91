"""A worker's pipeline that loads in no time: spaCy's blank English and a stage that fails on an
article holding BUG (an IndexError, a bug of whodid's), kills its own process on one holding KILL
and takes ``hog_mb`` of memory for a while on one holding HOG, at most ``kills`` times in all
(counted in files under ``flag_dir``); an article holding SLOW takes a fifth of a second. Used by
the ``--jobs`` tests and by the batch tests; Dask's worker processes import it from here, so it
lives outside the test modules."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from whodid.parallel import PipelineSettings
from whodid.pipeline import Pipeline

HOG_SECONDS = 20
SLOW_SECONDS = 0.2


class Kills:
    name = "kills"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, flag_dir: Path, kills: int, hog_mb: int = 0) -> None:
        self.flag_dir, self.kills, self.hog_mb = flag_dir, kills, hog_mb

    def __call__(self, doc: Doc) -> Doc:
        if "SLOW" in doc.text:
            time.sleep(SLOW_SECONDS)
        if "BUG" in doc.text:
            raise IndexError("list index out of range")
        if "KILL" in doc.text and len(list(self.flag_dir.iterdir())) < self.kills:
            (self.flag_dir / str(os.getpid())).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if "HOG" in doc.text and len(list(self.flag_dir.iterdir())) < self.kills:
            (self.flag_dir / str(os.getpid())).touch()
            hog = b"x" * (self.hog_mb << 20)  # written, so resident: the nanny sees it
            time.sleep(HOG_SECONDS)  # time for the nanny to restart this worker; still here: no limit
            del hog
        return doc


@dataclass(frozen=True)
class BlankSettings(PipelineSettings):
    flag_dir: Path = Path()
    kills: int = 0
    warnings: tuple[str, ...] = ()  # as Pipeline.warnings: dictionary lines it could not use
    hog_mb: int = 0  # what an article holding HOG takes (in MB), at most ``kills`` times in all

    def load(self) -> Pipeline:
        return Pipeline(spacy.blank("en"), [Kills(self.flag_dir, self.kills, self.hog_mb)], self.warnings)


def pretend_version(version: str) -> str:
    """Run on a worker (``client.run``): make its whodid say it is ``version``, as another install
    would; the version it had, to put back."""
    from whodid.batch import cluster

    old, cluster.__version__ = cluster.__version__, version
    return old
