"""Semantic question answering over council meeting minutes."""

from minutesqa.config import Settings
from minutesqa.models import AgendaItem, Answer, Chunk, Hit, ItemRef, Meeting

__all__ = ["AgendaItem", "Answer", "Chunk", "Hit", "ItemRef", "Meeting", "Settings"]
__version__ = "0.1.0"
