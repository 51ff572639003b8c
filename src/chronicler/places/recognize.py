"""Finding toponym mentions in a parsed Doc, and how each is used.

Sources, strongest first: spaCy's GPE/LOC/FAC entities; place adjectives ("Syrian", "European");
the dateline; place names spaCy took for an organisation ("Edmonton", "Kentucky") or a person
("Gainesville"); names inside organisation names ("the Shreveport Police Department"); and
capitalised proper nouns spaCy missed that the gazetteer knows ("Daraa"). Weak sources only
propose: the resolver keeps their mentions when the place they resolve to is big or fits the
article's other places.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..nlp.text import doc_ents, doc_text
from .names import key, space
from .uses import use_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .gazetteer import Gazetteer

#: Strength of a mention's source: a weak one must resolve to a big or well-fitting place.
STRONG, MEDIUM, WEAK = 2, 1, 0
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities named after places ("the Investment Plan for Europe", "the Ukrainian Law on ..."),
# or places spaCy took for a product or a title ("Chattanooga").
_NAMED_THINGS = frozenset({"ORG", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# Words after a name that say which kind of region it is: "Daraa Governorate" is the ADM1.
KIND_WORDS = {
    "governorate": "ADM1", "province": "ADM1", "oblast": "ADM1", "state": "ADM1",
    "region": "ADM1", "krai": "ADM1", "prefecture": "ADM1", "county": "ADM2",
    "parish": "ADM2", "district": "ADM2", "borough": "ADM2", "city": "PPL", "town": "PPL",
    "airport": "AIRP",
}
_CAP = r"(?:[A-Z][a-zA-Z'’]*[a-zA-Z]\.?|[A-Z]\.(?:[A-Z]\.)+|St\.|Ft\.|Mt\.)"
_LINK = r"(?:of|de|du|del|la|le|al|el|upon|on|and|es|sur)"
RUN = re.compile(rf"(?<![\w'’]){_CAP}(?:[ \-](?:{_LINK} )?{_CAP})*")
_WORD = re.compile(rf"{_CAP}|{_LINK}")
_POSSESSIVE = {"'s", "’s", "'", "’"}
_PROPER = {"NNP", "NNPS"}
_INNER_PREPS = frozenset({"of", "in", "at", "for", "from", "the", "-"})
# Words that make part of a place the name of an area: "Metro Vancouver", "Downtown Cleveland".
_AREA_WORDS = frozenset({"metro", "metropolitan", "downtown", "greater", "historic", "central",
                         "north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "northeast", "northwest", "southeast", "southwest",
                         "upper", "lower", "inner", "outer", "rural"})
MAX_WORDS = 5
#: A longer "person" is spaCy's mistake ("Alexandria Commonwealth's Attorney Randy Sengel"):
#: its words do not make a name a person's elsewhere in the article.
MAX_PERSON_WORDS = 3
#: Words that end no person's name: a "person" holding one is a place's institution that
#: spaCy mislabelled ("Alexandria Police", "Glen Carbon Elementary", "Athens Parks").
INSTITUTION_WORDS = frozenset({
    "police", "fire", "parks", "park", "recreation", "elementary", "middle", "high", "school",
    "schools", "academy", "college", "university", "commonwealth", "labour", "labor",
    "council", "board", "department", "office", "library", "hospital", "church", "road",
    "street", "avenue", "drive", "lane", "court", "county", "city", "township", "village",
    "crossing", "elks", "rotary", "chamber", "marine", "girls", "boys", "center", "centre",
    "market", "mall", "museum", "airport", "station", "stadium", "sheriff", "mayor",
    "democrats", "republicans", "rescue", "ems", "hall", "square", "bridge", "valley",
    "herald", "times", "tribune", "journal", "gazette", "chronicle", "observer", "telegraph",
    "courier", "examiner", "inquirer", "daily", "news", "press", "united", "rovers",
    "wanderers", "athletic", "albion", "fc",
})
#: Currency words: the place before them in an amount is used as a modifier ("US dollars").
CURRENCIES = frozenset({"dollar", "dollars", "pound", "pounds", "euro", "euros", "yen",
                        "yuan", "rupee", "rupees", "peso", "pesos", "franc", "francs", "won",
                        "ruble", "rubles", "rouble", "roubles", "lira", "dinar", "dinars",
                        "rand", "real", "reais", "shekel", "shekels", "riyal", "riyals"})
DATELINE = re.compile(
    r"(?:^|\n|(?<=[.!?\"”’] ))[ \t]*(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?[ \t]*(?:\([A-Za-z][\w .&-]*\))?[ \t]*(?:—|–|-|:|\x97)")
DATELINE_CHARS = 400  # a dateline opens the article (a title may come before it, on its line)


@dataclass
class Mention:
    """A toponym mention before resolution (character offsets into doc.text)."""

    start: int
    end: int
    text: str
    postings: tuple[int, ...]
    source: str
    strength: int
    root: int
    use: str = "literal"
    feature: str | None = None  # kind named by the text ("Idlib province" -> ADM1)
    fixed: int | None = None  # entry fixed by the form (an adjective, an abbreviation)
    container: int | None = None  # mention naming the region this one lies in ("X, Texas")
    after_prep: bool = False  # "in X", "near X": a place is expected there


def dateline(text: str) -> tuple[int, int] | None:
    """Character span of the dateline's place ("BEIRUT, March 3 (Reuters) -")."""
    m = DATELINE.search(text, 0, DATELINE_CHARS)
    if m is None or len(m.group("place")) < 3:
        return None
    end = m.end("region") if m.group("region") else m.end("place")
    return m.start("place"), end


def find_mentions(doc: Doc, gaz: Gazetteer, person_spans: list[tuple[int, int]] = ()
                  ) -> list[Mention]:
    """Every toponym mention a resolver should consider, in text order, not overlapping."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    people = _person_words(doc, gaz)
    found: list[Mention] = []
    ents = list(doc_ents(doc))
    i = 0
    while i < len(ents):
        ent = ents[i]
        joined = _joined(doc, ents, i, gaz)
        if joined is not None:  # "Baja" + "California", "Boa" + "Vista": one known name
            span, i = joined
            taken[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
            found.extend(_whole(span, gaz, STRONG, "ner"))
            continue
        if ent.label_ not in _NUMERIC:  # spaCy's "Manbij" DATE is open to the gazetteer
            taken[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
        found.extend(_from_entity(ent, gaz, people))
        i += 1
    found.extend(_from_text(doc, text, gaz, taken, people))
    found.extend(_from_dateline(doc, text, gaz, found))
    person_spans = sorted(person_spans)
    found = [m for m in found
             if m.source == "dateline" or not _inside_span(m.start, m.end, person_spans)]
    out = _no_overlaps(found)
    out = _no_overlaps(out + _bare_abbreviations(doc, gaz, out))
    repeats = _repeats(doc, text, out, person_spans)
    if repeats:
        out = _no_overlaps(out + repeats)
    out = _no_region_after_country(out, text, gaz)
    for m in out:
        m.use = m.use if m.source in ("adjective", "embedded") else use_of(doc, m.root)
    _link_containers(text, out, gaz, doc)
    return out


def _no_region_after_country(mentions: list[Mention], text: str, gaz: Gazetteer
                             ) -> list[Mention]:
    """"the Syrian Arab army": "Arab" after a country's adjective is part of the name, no
    mention of the Arab world."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.fixed is not None and prev.fixed is not None \
                and text[prev.end:m.start] == " " \
                and gaz.entry(prev.fixed).feature == "PCLI" \
                and gaz.entry(m.fixed).feature not in ("PCLI", "ADM1"):
            continue
        out.append(m)
    return out


_JOINABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


def _joined(doc: Doc, ents: list[Span], i: int, gaz: Gazetteer) -> tuple[Span, int] | None:
    """A place name spaCy split: entity ``i`` and the capitalised words right after it (other
    entities or none) make a name the gazetteer knows by its own name ("Baja California",
    "Boa Vista", "U.S. Virgin Islands", "St. Peter's Basilica"). Returns the joined span and
    the index of the first entity after it."""
    ent = ents[i]
    if ent.label_ not in _JOINABLE or not any(e.label_ in PLACE_LABELS for e in ents[i:i + 2]):
        return None
    start = _trim(ent)
    if start is None:
        return None
    for extra in (3, 2, 1):
        end = ent.end + extra
        if end > len(doc):
            continue
        tail = doc[ent.end:end]
        if not all(t.is_title or t.is_upper or t.text in _POSSESSIVE for t in tail) \
                or tail[-1].text in _POSSESSIVE:
            continue
        span = doc[start.start:end]
        if _runs_past(ents, i + 1, end):
            continue  # the next entity goes on past it
        posts = gaz.postings(span.text)
        if posts and _own_name(gaz, posts[0], span.text):
            j = i + 1
            while j < len(ents) and ents[j].start < end:
                j += 1
            return span, j
    return None


def _runs_past(ents: list[Span], j: int, end: int) -> bool:
    """Whether an entity from ``j`` on starts before token ``end`` and ends after it."""
    while j < len(ents) and ents[j].start < end:
        if ents[j].end > end:
            return True
        j += 1
    return False


def _own_name(gaz: Gazetteer, posting: int, text: str) -> bool:
    """Whether a posting reaches its entry by the entry's own name (not an alternate one),
    or the entry is a country, a region or one of chronicler's curated places."""
    e = gaz.entry(posting >> 1)
    return not posting & 1 and (e.feature in ("PCLI", "ADM1") or e.population == 0
                                or key(e.name) == key(text))


def _no_overlaps(found: list[Mention]) -> list[Mention]:
    """Mentions in text order, the first (and longest) of overlapping ones kept."""
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


_REPEAT_SOURCES = frozenset({"ner", "dateline"})


def _repeats(doc: Doc, text: str, found: list[Mention], person_spans: list[tuple[int, int]]
             ) -> list[Mention]:
    """One sense per discourse: a name the article uses as a place (a place entity or the
    dateline) is that place wherever else it stands alone, even where spaCy took it for a
    person or an organisation's start ("Alexandria police" after "in Alexandria"); not inside
    another name ("Michael Jordan") nor where a person the knowledge base knows stands."""
    names = {}
    for m in found:
        if m.source in _REPEAT_SOURCES and m.strength == STRONG and m.fixed is None \
                and len(m.text) > 3:
            name = m.text
            if name.isupper():  # a dateline's "CLINTON" is "Clinton" in the story
                name = " ".join(w[:1] + w[1:].lower() for w in name.split(" "))
            names[name] = m
    if not names:
        return []
    taken = bytearray(len(text) + 1)
    for m in found:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    pattern = re.compile(r"(?<![\w'’.-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    ent_at = {i: e for e in doc_ents(doc) for i in range(e.start, e.end)}
    out = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if 1 in taken[s:e] or _inside_span(s, e, person_spans):
            continue
        tokens = doc.char_span(s, e)
        if tokens is None or not _stands_alone(tokens, ent_at):
            continue
        m = names[hit.group()]
        out.append(Mention(s, e, hit.group(), m.postings, "repeat", MEDIUM, tokens.root.i))
    return out


def _stands_alone(tokens: Span, ent_at: dict[int, Span]) -> bool:
    """Whether a name is not part of a longer proper name: no capitalised word before it
    inside the same entity, and after it only a possessive, an institution word or no name."""
    doc = tokens.doc
    ent = ent_at.get(tokens.start)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT"):
        start = _trim(ent)
        if start is None or start.start != tokens.start:
            return False  # "Michael Jordan", "the Bank of Alexandria"
        nxt = doc[tokens.end] if tokens.end < ent.end else None
        if ent.label_ == "PERSON" and nxt is not None and nxt.text not in _POSSESSIVE \
                and nxt.lower_ not in INSTITUTION_WORDS and not nxt.is_lower:
            return False  # "Paris Hilton"
    elif tokens.start > 0 and doc[tokens.start - 1].tag_ in _PROPER \
            and doc[tokens.start - 1].is_title:
        return False
    return True


#: Person spans that may start before a mention and still hold it (they are short names).
MAX_SPAN_LOOKBACK = 16


def _inside_span(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [s, e) lies inside one of ``spans`` (sorted by start; bisected)."""
    i = bisect_right(spans, (s, 1 << 62))
    return any(a <= s and e <= b for a, b in spans[max(0, i - MAX_SPAN_LOOKBACK):i])


def _person_words(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Words of multi-word person names: "Jackson" after "Andrew Jackson" is the man."""
    words = set()
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and 1 < len(ent) <= MAX_PERSON_WORDS:
            span = _trim(ent)
            if span is not None and len(span) > 1 and not gaz.postings(span.text) \
                    and not any(t.lower_ in INSTITUTION_WORDS for t in span[1:]) \
                    and not _opening_title(span, gaz):
                words.update(t.text for t in span)
    return words


# --- entities ---------------------------------------------------------------------------------

def _from_entity(ent: Span, gaz: Gazetteer, people: set[str]) -> list[Mention]:
    label = ent.label_
    span = _trim(ent)
    if span is None:
        return []
    if label == "NORP":
        return (_adjective(span, gaz) or _whole(span, gaz, WEAK, "ner", need_kind=False)
                or _inner(span, gaz, WEAK, "embedded"))  # "anti-Russian", "German-Iraqi"
    if label in PLACE_LABELS:
        if gaz.adjective(span.text) is not None:  # "Sri Lankan" tagged as a place
            return _adjective(span, gaz)
        state = _ap_state(gaz, span.text)
        if state is not None:  # "CAMP MURRAY, Wash. -": the state, not a village "Vaše"
            return [_abbreviation(span.doc, span.start_char, span.end_char, span.text, state)]
        if len(span) == 1 and (span[0].lower_ in _COMPASS or span[0].is_title
                               and span[0].lower_ in gaz.not_places):
            return []  # "the West" is no region of Cameroon, "the Valley" no capital
        # "Bingham" tagged a place where the article names "Mayor Ryan Bingham": weak.
        weak = label == "FAC" or len(span) == 1 and span.text in people \
            and span[0].is_title and not _strong_name(gaz, gaz.postings(span.text) or (0,))
        whole = _whole(span, gaz, WEAK if weak else STRONG, "ner")
        return whole or _inner(span, gaz, WEAK, "embedded")
    if label == "LANGUAGE" and (span[-1].dep_ == "amod" or span.end < len(span.doc)
                                and span.doc[span.end].lower_ in _PLACE_NOUNS):
        return _adjective(span, gaz)  # "the English city of Salisbury", not "English lessons"
    if label in _NAMED_THINGS and len(span) == 1 and gaz.adjective(span.text) is not None:
        return _adjective(span, gaz)  # "the Abkhaz news agency" tagged as an organisation
    if label in _NAMED_THINGS:  # "Alexandria police", "the Walker County Fair"
        whole = _whole(span, gaz, MEDIUM if label in ("ORG", "EVENT") else WEAK, "org")
        return whole or [m for m in _inner(span, gaz, WEAK, "embedded", opening_only=True)
                         if m.text not in people or m.fixed is not None]  # "Nigel Farage's party"
    if label == "PERSON":
        if gaz.adjective(span.text) is not None:  # "Azerbaijani soldiers" taken for a person
            return _adjective(span, gaz)
        if not any(t.text in people for t in span):
            return (_whole(span, gaz, WEAK, "person", need_kind=False)
                    or _opening_title(span, gaz))
    if label == "MONEY" and any(t.lower_ in CURRENCIES for t in span):  # "US dollars"
        return [m for m in _inner(span, gaz, MEDIUM, "embedded")
                if m.fixed is not None or _strong_name(gaz, m.postings)]
    return []


#: Nouns after a language's name that make it the people's or the land's adjective.
_PLACE_NOUNS = frozenset({"city", "cities", "town", "towns", "village", "county", "coast",
                          "countryside", "port", "capital", "region", "border", "government",
                          "police", "club", "side", "team", "soil", "authorities", "troops"})
#: Entity labels of numbers and times: a capitalised name spaCy put in one ("Manbij" as a
#: DATE, "12:03 p.m. Walker County") is still looked up; month and day names are no places.
_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})
_COMPASS = frozenset({"west", "east", "north", "south", "midwest", "northeast", "northwest",
                      "southeast", "southwest"})


def _ap_state(gaz: Gazetteer, text: str) -> int | None:
    """The region an AP-style abbreviation a place entity is made of names ("Wash.")."""
    abbr = gaz.abbreviations.get(text)
    entry = gaz.abbreviated(text) if abbr is not None and abbr[2] == "ap" else None
    return entry.id if entry is not None else None


def _trim(ent: Span) -> Span | None:
    """The entity without a leading article and a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in _POSSESSIVE:
        end -= 1
    return ent.doc[start:end] if end > start else None


def _whole(span: Span, gaz: Gazetteer, strength: int, source: str, *,
           need_kind: bool = True) -> list[Mention]:
    """The whole span as one name, or the name before its kind word ("Daraa Governorate")."""
    text = span.text
    if strength < STRONG and (all(t.lower_ in gaz.not_places for t in span)
                              or len(span) == 1 and span[0].is_stop):
        return []
    posts = gaz.postings(text)
    feature = None
    if not posts and need_kind and len(span) > 1:
        kind = KIND_WORDS.get(span[-1].lower_)
        if kind is not None:
            posts, feature = gaz.postings(span[:-1].text), kind
        elif span[0].lower_ in KIND_WORDS and len(span) > 2 and span[1].lower_ == "of":
            posts, feature = gaz.postings(span[2:].text), KIND_WORDS[span[0].lower_]
    if not posts:
        return []
    doc, end = span.doc, span.end
    if feature is None and end < len(doc) and doc[end].lower_ in KIND_WORDS:
        feature, end = KIND_WORDS[doc[end].lower_], end + 1  # "Idlib province": the region
        span = doc[span.start:end]
    return [Mention(span.start_char, span.end_char, span.text, posts, source, strength,
                    span.root.i, feature=feature)]


def _inner(span: Span, gaz: Gazetteer, strength: int, source: str, *,
           opening_only: bool = False) -> list[Mention]:
    """Names inside a longer entity ("Far North Queensland", "Shreveport Police")."""
    doc, out = span.doc, []
    base, span_text = span.start_char, span.text
    for run in RUN.finditer(span_text):
        for s, e, posts, fixed, feature in _grams(run.group(), base + run.start(), gaz):
            tokens = doc.char_span(s, e, alignment_mode="expand")
            if tokens is None or tokens.end == span.end and len(tokens) == len(span):
                continue
            if opening_only and tokens.start > span.start and not _strong_name(gaz, posts) \
                    and not _million_city(gaz, posts) \
                    and doc[tokens.start - 1].lower_ not in _INNER_PREPS \
                    and doc[tokens.start - 1].lower_ not in _AREA_WORDS:
                continue  # "Colorado State University": only the name that opens it
            out.append(Mention(s, e, span_text[s - base:e - base], posts, source, strength,
                               tokens.root.i,
                               use="adjectival", fixed=fixed, feature=feature))
    return out


def _opening_title(span: Span, gaz: Gazetteer) -> list[Mention]:
    """A place opening a "person" spaCy made of an office and its holder ("Anderson County
    Sheriff Greg Taylor", "Avondale Mayor Ed Rieker", "Alexandria police"): the place name
    is followed by a word that names no person (an office, a service, a kind of region)."""
    doc = span.doc
    for m in _inner(span, gaz, WEAK, "embedded", opening_only=True):
        if m.start != span.start_char:
            break
        tokens = doc.char_span(m.start, m.end, alignment_mode="expand")
        nxt = doc[tokens.end] if tokens is not None and tokens.end < span.end else None
        if nxt is not None and (nxt.lower_ in gaz.not_places or nxt.is_lower
                                or nxt.lower_ in INSTITUTION_WORDS) \
                or named_kind(m.text) is not None:
            return [m]
        if _big_city_by_name(gaz, m.postings, m.text):
            return [m]  # "Seattle Seahawks", "Miami Herald": a big city's team or paper
        break
    return []


def named_kind(text: str) -> str | None:
    """The kind a name's last word names ("Laurel County" -> ADM2), if any ("City" is part
    of many towns' names and names no kind)."""
    words = text.split()
    last = words[-1].lower() if words else ""
    return KIND_WORDS.get(last) if last != "city" else None


def _million_city(gaz: Gazetteer, posts: tuple[int, ...]) -> bool:
    """A city of a million or more: named inside an organisation's name anywhere ("Smart
    Dubai Office", "Baseball Toronto") it is that city."""
    e = gaz.entry(posts[0] >> 1)
    return e.feature.startswith("PPL") and e.population >= 1_000_000


def _big_city_by_name(gaz: Gazetteer, posts: tuple[int, ...], name: str) -> bool:
    """A city of ``BIG_CITY_OPENING`` people called ``name`` by its own name (not an alternate
    one: "Hamid" is no Isparta): opening a "person", it is the city ("Seattle Seahawks")."""
    e = gaz.entry(posts[0] >> 1)
    return e.feature.startswith("PPL") and e.population >= BIG_CITY_OPENING \
        and key(e.name) == key(name)


#: A city this big, by its own name, opening a "person" is the city (its team, its paper).
BIG_CITY_OPENING = 500_000


def _strong_name(gaz: Gazetteer, posts: tuple[int, ...]) -> bool:
    """A country's or first-level region's name (or adjective): unambiguous anywhere."""
    return gaz.entry(posts[0] >> 1).feature in ("PCLI", "ADM1")


def _adjective(span: Span, gaz: Gazetteer) -> list[Mention]:
    """A place adjective ("Syrian", "Jordanian", "European") or a country NER took for a
    nationality."""
    entry = gaz.adjective(span.text)
    if entry is not None:
        return [Mention(span.start_char, span.end_char, span.text, (entry * 2,), "adjective",
                        STRONG, span.root.i, use="adjectival", fixed=entry)]
    posts = gaz.postings(span.text)
    if posts and gaz.entry(posts[0] >> 1).feature == "PCLI":
        return [Mention(span.start_char, span.end_char, span.text, posts[:1], "ner", STRONG,
                        span.root.i)]
    return []


# --- text spaCy did not tag -------------------------------------------------------------------

def _from_text(doc: Doc, text: str, gaz: Gazetteer, taken: bytearray, people: set[str]
               ) -> list[Mention]:
    """Capitalised proper nouns outside entities that the gazetteer knows."""
    out = []
    for run in _free_runs(text, taken):
        for s, e, posts, fixed, feature in _grams(run.group(), run.start(), gaz):
            m = _checked(doc, text, s, e, posts, people, adjective=fixed is not None)
            if m is not None:
                m.feature = feature
                if fixed is not None:
                    m.fixed, m.source, m.use, m.strength = fixed, "adjective", "adjectival", MEDIUM
                out.append(m)
    return out


def _free_runs(text: str, taken: bytearray) -> Iterator[re.Match[str]]:
    """Runs of capitalised words outside the entities ("the Communist Party [of Vietnam]")."""
    for run in RUN.finditer(text):
        a, b = run.start(), run.end()
        if not (taken[a] or taken[b - 1] or 1 in taken[a:b]):
            yield run
            continue
        i = a
        while i < b:
            while i < b and taken[i]:
                i += 1
            j = i
            while j < b and not taken[j]:
                j += 1
            if j > i:
                yield from RUN.finditer(text, i, j)
            i = j


def _checked(doc: Doc, text: str, s: int, e: int, posts: tuple[int, ...], people: set[str],
             *, adjective: bool = False) -> Mention | None:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.text in people:
        return None
    if not adjective and not all(t.tag_ in _PROPER or t.is_upper or t.is_punct or t.is_stop
                                 for t in span):
        return None  # a place adjective is an adjective ("Israeli-Egyptian peace")
    if len(span) == 1 and span[0].is_stop:
        return None
    # "Reading the report ...": a capital that may only open the sentence needs a big place.
    initial = len(span) == 1 and span[0].is_sent_start and not span[0].is_upper
    prev = doc[span.start - 1] if span.start > 0 else None
    after_prep = prev is not None and prev.dep_ == "prep" and prev.lower_ in _PLACE_PREPS
    return Mention(s, e, text[s:e], posts, "initial" if initial else "gazetteer", WEAK,
                   span.root.i, after_prep=after_prep)


_PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "into",
                          "across", "around", "toward", "towards", "through", "throughout"})


class Gram(NamedTuple):
    """A known name found in a run of capitalised words."""

    start: int
    end: int
    postings: tuple[int, ...]
    fixed: int | None  # a place adjective's entry
    feature: str | None  # kind named after it ("Governorate")


def _grams(run: str, base: int, gaz: Gazetteer) -> list[Gram]:
    """Longest known names in a run of capitalised words, left to right."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(run)]
    # A possessive ends a name: "Alexandria's Circuit Court" holds "Alexandria".
    poss = [run.endswith(("'s", "’s"), a, b) for a, b in words]
    out, i = [], 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            if not run[s].isupper() or not run[words[i + n - 1][0]].isupper() \
                    or any(poss[i:i + n - 1]):
                continue
            if poss[i + n - 1]:
                e -= 2
            if run[e - 1] == "." and e - s > 4 and run.count(".", s, e) == 1:
                e -= 1  # a sentence's full stop, not an abbreviation's
            fixed = gaz.adjective(run[s:e]) if n == 1 else None
            if fixed is not None:
                posts = (fixed * 2,)
            elif n == 1 and (run[s:e].casefold() in gaz.not_places
                             or run[s:e].rstrip(".") in ("St", "Mt", "Ft", "Pt")):
                continue  # "St." alone is a street's or a saint's abbreviation
            else:
                posts = gaz.postings(run[s:e])
            if posts:
                feature = None
                if i + n < len(words) and fixed is None and not poss[i + n - 1]:
                    feature = KIND_WORDS.get(run[words[i + n][0]:words[i + n][1]].lower())
                    if feature is not None:  # "Daraa Governorate": the region
                        e, n = words[i + n][1], n + 1
                out.append(Gram(base + s, base + e, posts, fixed, feature))
                i += n
                break
        else:
            i += 1
    return out


# --- dateline and "Town, Region" ------------------------------------------------------------

def _from_dateline(doc: Doc, text: str, gaz: Gazetteer, found: list[Mention]
                   ) -> list[Mention]:
    span = dateline(text)
    if span is None:
        return []
    s, e = span
    place_end = text.find(",", s, e)
    place_end = e if place_end < 0 else place_end
    out = []
    for a, b in ((s, place_end), (place_end + 2, e)):
        if b <= a or any(m.start <= a < m.end for m in found):
            continue
        state = _ap_state(gaz, text[a:b]) if a > s else None
        posts = (state * 2,) if state is not None else gaz.postings(space(text[a:b]))
        tokens = doc.char_span(a, b, alignment_mode="expand")
        if posts and tokens is not None:
            out.append(Mention(a, b, text[a:b], posts, "dateline", STRONG, tokens.root.i))
    for m in found:
        if m.start == s:
            m.source, m.strength = "dateline", STRONG
    return out


_ABBR = re.compile(r"\s*,\s*([A-Z][A-Za-z]?\.?(?:\s?[A-Z][a-z]?\.)*[a-z]{0,3}\.?)(?![A-Za-z])")


def _link_containers(text: str, mentions: list[Mention], gaz: Gazetteer, doc: Doc) -> None:
    """"Alexandria, La." and "Idlib, Syria": the second names the region the first lies in."""
    i = 0
    while i < len(mentions):
        a = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        m = _ABBR.match(text, a.end)
        abbr = gaz.abbreviations.get(m.group(1)) if m else None
        if m and abbr is not None and (abbr[2] == "ap" or len(m.group(1)) == 2):
            entry = gaz.abbreviated(m.group(1))
            if entry is not None:
                b = _abbreviation(doc, m.start(1), m.end(1), m.group(1), entry.id)
                if nxt is not None and nxt.start < b.end:
                    mentions[i + 1] = b  # spaCy's "La." replaced by the region it abbreviates
                else:
                    mentions.insert(i + 1, b)
                a.container = i + 1
        elif nxt is not None and text[a.end:nxt.start].strip() == ",":
            a.container = i + 1
        i += 1
    for i in range(len(mentions) - 1):  # "the northern Iraqi city of Mosul": Mosul in Iraq
        b = mentions[i + 1]
        if b.container is None and _KIND_OF.fullmatch(text, mentions[i].end, b.start):
            b.container = i


#: What lies between a country or region and a place it holds: "the English city of
#: Salisbury", "the Syrian border town of Kobani", "the Iraqi province of Anbar".
_KIND_OF = re.compile(r"[ \t]+(?:[a-z]+[ \t]+)?(?:city|town|village|port|capital|province|"
                      r"region|state|district|county|governorate|island|enclave|resort)"
                      r"[ \t]+of[ \t]+")


#: Two-letter region codes that are also words, names or other acronyms ("IN", "OR", "ME",
#: "LA" Los Angeles, "SC" Security Council, "VA" Veterans Affairs, "CT" Central Time): read
#: only after a town ("Dayton, OH"), never standing alone.
_AMBIGUOUS_CODES = frozenset({
    "IN", "OR", "ME", "OK", "HI", "AL", "DE", "LA", "PA", "CO", "MA", "MD", "ID", "MS", "GA",
    "SC", "VA", "NE", "MO", "MT", "OH", "UT", "AR", "CA", "ON", "PE", "NB", "MB", "SK", "NS",
    "NL", "AB", "WA", "MI", "MN", "DC", "AK", "IA", "KS", "WI", "CT", "ET", "PT",
})


def _bare_abbreviations(doc: Doc, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Region codes standing alone: "FrontCounter BC", "NSW police", "(Ga.)". A code that is
    also a word or another acronym is never read alone; the others must find their country
    among the article's places (resolve.py), and a code after a number is a date ("500 BC")."""
    out = []
    starts = {m.start for m in found}
    for tok in doc:
        t = tok.text
        if tok.idx in starts:
            continue
        codes = gaz.context_codes.get(t)
        if codes is not None and not (tok.i > 0 and (doc[tok.i - 1].like_num
                                                      or doc[tok.i - 1].tag_ in _PROPER)):
            tokens = doc[tok.i:tok.i + 1]  # not "Renault SA", the company form
            out.append(Mention(tok.idx, tok.idx + len(t), t, tuple(c * 2 for c in codes),
                               "bare abbreviation", STRONG, tokens.root.i))
            continue
        abbr = gaz.abbreviations.get(t)
        if abbr is None:
            continue
        kind = abbr[2]
        if kind == "postal":
            if not t.isupper() or t in _AMBIGUOUS_CODES \
                    or tok.i > 0 and doc[tok.i - 1].like_num:
                continue
        elif not (tok.i > 0 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc)
                  and doc[tok.i + 1].text == ")"):
            continue  # "Mass." may be the service; "(Ga.)" after a county is the state
        entry = gaz.abbreviated(t)
        if entry is not None:
            out.append(_abbreviation(doc, tok.idx, tok.idx + len(t), t, entry.id,
                                     "bare abbreviation" if kind == "postal" else "abbreviation"))
    return out


def _abbreviation(doc: Doc, s: int, e: int, name: str, entry: int,
                  source: str = "abbreviation") -> Mention:
    """The mention of the region an abbreviation names (``name`` is its text: doc.text is
    rebuilt at each read, so callers pass the slice they hold)."""
    tokens = doc.char_span(s, e, alignment_mode="expand")
    root = tokens.root.i if tokens is not None else 0
    return Mention(s, e, name, (entry * 2,), source, STRONG, root, fixed=entry)
