"""The claim as the sentence rules find it, before speaker, place and time are added."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Count


@dataclass(slots=True)
class Found:
    """A claim found in a sentence, before speaker, place and time are added."""

    start: int
    end: int
    count: Count
    outcome: str
    group: str
    label: str
    trigger: int
    how: str
    part_of: Found | None = None
    additive: bool = False
    modality: str = "asserted"
    background: bool = False
    # A running toll ("the death toll rose to 15"): dated by the words around its count.
    toll: bool = False

    @property
    def time_anchor(self) -> int:
        """The token a claim's time is sought nearest to: a toll's count, else the outcome word."""
        return self.start if self.toll else self.trigger

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the claim's tokens and tokens [start, end) share one."""
        return self.start < end and start < self.end
