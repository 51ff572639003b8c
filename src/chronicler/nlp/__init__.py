"""The spaCy side of chronicler: loading the model and chronicler's Doc components."""

from .model import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
