"""tollwatch: attributed casualty claims from conflict reporting."""

from . import native

# Before the first import of an extract module: a stale compiled build must not run.
native.choose_build()

from .errors import TollwatchError  # noqa: E402
from .extract.pipeline import extract, extract_document  # noqa: E402
from .lexicon import load_lexicon  # noqa: E402
from .model import (  # noqa: E402
    Claim, Claimant, Count, Document, Extraction, Perpetrator, Place, Range, Victims, When,
)
from .native import compiled  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Claim", "Claimant", "Count", "Document", "Extraction", "Perpetrator", "Place", "Range",
    "Store", "TollwatchError", "Victims", "When", "compiled", "extract", "extract_document",
    "load_lexicon", "__version__",
]


def __getattr__(name: str):
    # The store pulls in SQLAlchemy; `import tollwatch` for extraction alone stays quick.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'tollwatch' has no attribute {name!r}")
