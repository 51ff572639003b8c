"""Places: toponyms in a Doc resolved to gazetteer entries, event locations and dates.

``PlaceResolver(kb).resolve(doc)`` lists every toponym mention, merged per resolved place, with
its use (literal, metonymic, adjectival); ``locate`` places an event; ``resolve_date`` and
``date_event`` date it. The gazetteer is built from packaged GeoNames data into the user cache
at first use (see ``gazetteer.py``).
"""

from .dates import date_event, resolve_date
from .gazetteer import Gazetteer, cache_path
from .locate import locate
from .resolver import PlaceResolver

__all__ = ["Gazetteer", "PlaceResolver", "cache_path", "date_event", "locate", "resolve_date"]
