"""Events: PLOVER v2 types with CAMEO codes, actors, modality and confidence.

``EventCoder().code(doc, table, published="2018-05-24")`` -> list of ``chronicler.types.Event``
(location, date and date_text are left for a later stage). See ``coder.py``.
"""

from .coder import EventCoder
from .lexicon import Lexicon, load_cameo_table

__all__ = ["EventCoder", "Lexicon", "load_cameo_table"]
