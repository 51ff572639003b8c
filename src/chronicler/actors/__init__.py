"""Actors: the knowledge base and the resolution of mentions to canonical actors."""

from .kb import Entry, KnowledgeBase, load_kb
from .resolve import ActorResolver, ActorTable, ResolvedActor

__all__ = ["ActorResolver", "ActorTable", "Entry", "KnowledgeBase", "ResolvedActor", "load_kb"]
