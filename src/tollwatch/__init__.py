"""tollwatch: attributed casualty claims from conflict reporting."""

from .errors import TollwatchError
from .extract.pipeline import extract, extract_document
from .lexicon import load_lexicon
from .model import (
    Claim, Claimant, Count, Document, Extraction, Perpetrator, Place, Range, Victims, When,
)

__version__ = "0.1.0"

__all__ = [
    "Claim", "Claimant", "Count", "Document", "Extraction", "Perpetrator", "Place", "Range",
    "Store", "TollwatchError", "Victims", "When", "extract", "extract_document", "load_lexicon",
    "__version__",
]


def __getattr__(name: str):
    # The store pulls in SQLAlchemy; `import tollwatch` for extraction alone stays quick.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'tollwatch' has no attribute {name!r}")
