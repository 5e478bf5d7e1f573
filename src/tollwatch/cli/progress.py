"""The progress bar of `tollwatch ingest` and `reextract`, drawn on stderr so stdout stays
for results."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..jobs import IngestCounts, Ingested, Outcome

INGEST_OUTCOMES: tuple[Outcome, ...] = ("added", "known", "failed")
REEXTRACT_OUTCOMES: tuple[Outcome, ...] = ("replaced", "failed")


class JobProgress:
    """Counts documents as they are stored. `enabled=None` shows it only on a terminal.

    `doing` names the job on the bar ("ingesting"), `outcomes` the counts it shows. The
    number of documents is not known in advance (a directory or a feed is read as it
    streams), so the bar pulses and the counts say how far the run has got.
    """

    def __init__(self, enabled: bool | None, doing: str = "ingesting",
                 outcomes: Sequence[Outcome] = INGEST_OUTCOMES):
        console = Console(stderr=True, force_terminal=enabled or None)
        self.counts = IngestCounts()
        self._outcomes = outcomes
        self._progress: Progress | None = None
        if enabled or (enabled is None and sys.stderr.isatty()):
            self._progress = Progress(
                SpinnerColumn(), TextColumn(doing), BarColumn(),
                TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                transient=False, refresh_per_second=4)
            self._task = self._progress.add_task(self._text(), total=None)

    def __enter__(self) -> JobProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *_exc_info) -> None:
        self.close()

    def advance(self, item: Ingested) -> None:
        self.counts.count(item)
        if self._progress is not None:
            self._progress.update(self._task, description=self._text(), advance=1)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=self._text(), total=self.counts.documents,
                                  completed=self.counts.documents)
            self._progress.stop()
            self._progress = None

    def _text(self) -> str:
        """The counts as the bar shows them, e.g. "12 documents: 11 replaced, 1 failed"."""
        shown = ", ".join(f"{getattr(self.counts, outcome)} {outcome}" for outcome in self._outcomes)
        return f"{self.counts.documents} documents: {shown}"
