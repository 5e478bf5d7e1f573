"""The progress bar of `tollwatch ingest`, drawn on stderr so stdout stays for results."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..jobs import IngestCounts, Ingested


class IngestProgress:
    """Counts documents as they are stored. `enabled=None` shows it only on a terminal.

    The number of documents is not known in advance (a directory or a feed is read as it
    streams), so the bar pulses and the counts say how far the run has got.
    """

    def __init__(self, enabled: bool | None):
        console = Console(stderr=True, force_terminal=enabled or None)
        self.counts = IngestCounts()
        self._progress: Progress | None = None
        if enabled or (enabled is None and sys.stderr.isatty()):
            self._progress = Progress(
                SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                transient=False, refresh_per_second=4)
            self._task = self._progress.add_task(self._text(), total=None)

    def __enter__(self) -> IngestProgress:
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
        c = self.counts
        return f"{c.documents} documents: {c.added} added, {c.known} known, {c.failed} failed"
