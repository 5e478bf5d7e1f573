"""Extraction on several cores: batches of documents go to a local Dask cluster of processes.

Extraction is pure and bound by the CPU, so `ingest --workers N` hands each batch to one of
N worker processes while the calling process goes on reading sources and writing to the
store. Each worker loads the lexicon from the same files, once, and keeps its compiled
matchers for the rest of the run. Results come back per batch, in the order asked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from .errors import TollwatchError
from .extract.pipeline import extract_document
from .lexicon import Lexicon, lexicon_from_sources
from .model import Document, Extraction

# Workers stay quiet: their progress is the ingest's progress bar, their errors its failures.
_QUIET = logging.ERROR
_LOCAL_HOST = "127.0.0.1"


class WorkerPool:
    """N worker processes that extract batches of documents; use as a context manager."""

    def __init__(self, workers: int, lexicon: Lexicon, max_chars: int):
        from dask.distributed import Client, LocalCluster

        self._sources = lexicon.sources
        self._max_chars = max_chars
        # The scheduler serves HTTP even without a dashboard, by default at port 8787: here at
        # a free port of this machine, so a Dask dashboard the user already runs keeps its port.
        self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     host=_LOCAL_HOST, dashboard_address=None, silence_logs=_QUIET,
                                     scheduler_kwargs={"dashboard": False,
                                                       "dashboard_address": f"{_LOCAL_HOST}:0"})
        self._client = Client(self._cluster)
        self.workers = workers

    def submit(self, documents: Sequence[Document]) -> Any:
        """Start extracting `documents` on a free worker; `result` gives the extractions.

        An empty batch goes nowhere (None).
        """
        if not documents:
            return None
        return self._client.submit(extract_batch, list(documents), self._sources,
                                   self._max_chars, pure=False)

    @staticmethod
    def result(future: Any, count: int) -> list[Extraction | str]:
        """The extractions of a submitted batch, or for each document why its worker failed.

        A worker that dies (killed, out of memory) fails its batch's documents only; so does
        any other error inside the worker, where one process would stop the run.
        """
        if future is None:
            return []
        try:
            return future.result()
        except Exception as error:  # anything from a lost worker or process
            reason = f"extraction worker failed: {type(error).__name__}: {error}".strip()
            return [reason.splitlines()[0]] * count

    def close(self) -> None:
        self._client.close()
        self._cluster.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def extract_batch(documents: list[Document], sources: tuple[str, ...],
                  max_chars: int) -> list[Extraction]:
    """Extract each document with the lexicon of `sources` (what a worker runs)."""
    try:
        lexicon = lexicon_from_sources(sources)
    except TollwatchError as error:  # a lexicon file changed or vanished since the start
        return [Extraction(d.id or "", [], {}, error=error.one_line()) for d in documents]
    return [extract_document(d, lexicon=lexicon, max_chars=max_chars) for d in documents]
