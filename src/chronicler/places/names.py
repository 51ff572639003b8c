"""Name keys shared by the gazetteer build and lookups: one normalisation for both sides."""

from __future__ import annotations

import re
import unicodedata

#: Prior weight of a feature class, added to log10(population): for a bare ambiguous name a
#: country beats a region, a region beats a capital, a capital beats a town. Airports (AIRP)
#: have no population, so 5.0 (+1): named in full they beat a namesake town of under a million
#: people (official name, 6) or of under 10,000 ("Dulles International Airport", an alias:
#: 4); a weak bare name ("Heathrow": -2.5 weak, -2 alias) gets 1.5, below any town of 500,
#: unless the text says "airport" (+4, FEATURE_BONUS in resolve.py) or the article's other
#: places lie next to it. Being in FEATURES, an airport from a weak source is kept only as
#: resolve.accepted keeps a small town (kind named, or fitting the context), not as a
#: curated region.
FEATURES: dict[str, float] = {"PCLI": 6.0, "ADM1": 2.0, "PPLC": 4.0, "ADM2": 0.5, "PPL": 0.0,
                              "AIRP": 5.0}
#: Entries of chronicler's own regions table (data/regions.csv) carry no population: they get
#: this prior, above any town's even with the article's context added (a curated name means
#: that region, not the hamlet called "Middle East") and below a populous country's.
REGION_PRIOR = 11.0

_TRANS = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "—": " ", ".": " ",
                        "\u00a0": " ", ",": " "})
_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
_SPACES = re.compile(r"\s+")

#: Words naming the kind of region, stripped to reach its proper name ("Daraa Governorate").
ADMIN_WORDS = frozenset({
    "governorate", "province", "provincia", "oblast", "oblast'", "krai", "kray", "region",
    "state", "territory", "district", "county", "parish", "borough", "municipality",
    "prefecture", "department", "sheng", "shi", "zizhiqu", "muhafazat", "wilayat e",
    "mayorality", "city", "misto", "autonomous", "okrug", "avtonomnyy", "republic",
    "voivodeship", "canton", "emirate", "division",
})
_ADMIN_PREFIX = re.compile(
    r"^(?:muhafazat|wilayat-e|mayorality of|city of|province of|state of|region of|"
    r"county of|misto|republic of)\s+", re.IGNORECASE)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:governorate|province|oblast'?|krai|kray|region|state|district|county|parish|"
    r"borough|municipality|prefecture|department|sheng|shi|zizhiqu|voivodeship|canton|"
    r"autonomous region|autonomous okrug|avtonomnyy okrug|republic)$", re.IGNORECASE)


def key(text: str) -> str:
    """Lookup key: accents and punctuation dropped, case folded, abbreviations spelled out
    ("St. Louis" = "Saint Louis", "Ivano-Frankivsk" = "ivano frankivsk")."""
    text = text.translate(_TRANS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    words = text.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_WORDS.get(w, w) for w in words)


def strip_admin_words(name: str) -> str:
    """The proper name of a region without its kind ("Basra Governorate" -> "Basra")."""
    out = _ADMIN_PREFIX.sub("", name.strip())
    stripped = _ADMIN_SUFFIX.sub("", out)
    return stripped if stripped.strip() else out


def space(text: str) -> str:
    """Whitespace folded to single spaces."""
    return _SPACES.sub(" ", text).strip()
