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
