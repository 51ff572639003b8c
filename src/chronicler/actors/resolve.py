"""Mentions in a parsed Doc -> canonical actors with country and sector.

Order of evidence for a person: the knowledge base (dated roles), then the title words and
possessor before the name ("Putin's envoy to Syria Alexander Lavrentiev"), then an appositive
("Bahram Qasemi, Iran's foreign ministry spokesman"). Groups are a country adjective or a known
organisation modifying a group noun ("Syrian forces", "Hezbollah fighters").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp.text import doc_ents, doc_text
from .kb import Entry, KnowledgeBase, norm, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENT_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_WINDOW_POS = {"PROPN", "NOUN", "ADJ", "PART", "DET"}
_WINDOW_WORDS = {"of", "to", "for", "-", "'s", "’s", "the", "'", "’"}
_MAX_WINDOW = 9  # tokens of title before a name: "Syrian Deputy Foreign Minister" is 4
_MAX_NGRAM = 5
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
# Words inside organisation names that give their sector (checked last word first).
ORG_SECTOR_WORDS = {
    "ministry": "GOV", "government": "GOV", "cabinet": "GOV", "council": "GOV",
    "embassy": "GOV", "office": "GOV", "department": "GOV", "presidency": "GOV",
    "army": "MIL", "military": "MIL", "forces": "MIL", "navy": "MIL", "command": "MIL",
    "guard": "MIL", "guards": "MIL", "parliament": "LEG", "assembly": "LEG", "senate": "LEG",
    "congress": "LEG", "court": "JUD", "police": "COP", "party": "PTY", "front": "REB",
    "brigade": "REB", "brigades": "REB", "news": "JRN", "agency": "JRN", "times": "JRN",
    "post": "JRN", "tv": "JRN", "television": "JRN", "radio": "JRN", "university": "EDU",
    "bank": "BUS", "company": "BUS", "corporation": "BUS", "church": "REL",
}


@dataclass
class ResolvedActor:
    id: str
    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ActorTable:
    """The actors of one article and which character spans mention them."""

    actors: dict[str, ResolvedActor] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)
    _spans: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, actor: ResolvedActor, start: int, end: int) -> ResolvedActor:
        known = self.actors.setdefault(actor.id, actor)
        if known.sector is None and actor.sector is not None:
            known.sector, known.role = actor.sector, known.role or actor.role
        known.mentions.append((start, end))
        i = bisect.bisect(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end, actor.id))
        return known

    def at(self, start: int, end: int) -> ResolvedActor | None:
        """The actor whose mention overlaps ``start:end`` most (ties: the shortest mention)."""
        best, best_key = None, (0, 0)
        i = bisect.bisect_left(self._starts, start - 200)
        for s, e, aid in self._spans[i:]:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            key = (overlap, -(e - s))
            if overlap > 0 and key > best_key:
                best, best_key = self.actors[aid], key
        return best

    def covered(self, start: int, end: int) -> bool:
        return self.at(start, end) is not None


class ActorResolver:
    """Resolves every actor mention of a Doc; holds the knowledge base, no per-doc state."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def resolve(self, doc: Doc, *, day: str | None = None) -> ActorTable:
        table = ActorTable()
        claimed: list[tuple[int, int]] = []
        cols = _Columns(doc)
        for group in self._group_mentions(doc, cols):
            self._claim(table, claimed, *group)
        for ent in doc_ents(doc):
            if ent.label_ in ENT_LABELS:
                actor = self._entity(ent, table, day)
                if actor is not None:
                    start, end, _ = _trim(ent)
                    self._claim(table, claimed, actor, start, end)
        for actor, start, end in self._kb_mentions(cols, day):
            self._claim(table, claimed, actor, start, end)
        for actor, start, end in _surname_mentions(cols, table):
            self._claim(table, claimed, actor, start, end)
        return table

    @staticmethod
    def _claim(table: ActorTable, claimed: list[tuple[int, int]], actor: ResolvedActor,
               start: int, end: int) -> None:
        if any(s < end and start < e for s, e in claimed):
            return
        claimed.append((start, end))
        table.add(actor, start, end)

    # --- entities -----------------------------------------------------------------------------

    def _entity(self, ent: Span, table: ActorTable, day: str | None) -> ResolvedActor | None:
        text = _trim(ent)[2]
        if not text:
            return None
        if ent.label_ == "PERSON":
            return self._person(ent, text, table, day)
        if ent.label_ == "ORG":
            return self._org(text, day)
        if ent.label_ == "GPE":
            return self._gpe(ent, text)
        return self._norp(ent, text)

    def _person(self, ent: Span, text: str, table: ActorTable,
                day: str | None) -> ResolvedActor | None:
        if " " not in text:  # a bare surname: this article's own earlier person first
            earlier = _same_person(table, text)
            if earlier is not None:
                return earlier
        entry = self.kb.person(text, day)
        if entry is not None:
            actor = _from_entry(entry)
            _, sector, role = self._title(ent, table, day)
            if role is not None:  # the article's own title for the person beats the table's
                actor.sector, actor.role = sector, role
            return actor
        org = self.kb.org(text)
        if org is not None:  # NER often tags a group ("Hezbollah") as a person
            return _from_entry(org)
        if self.kb.country(text):
            return self._country(self.kb.country(text) or "", None)
        earlier = _same_person(table, text)
        if earlier is not None:
            return earlier
        country, sector, role = self._title(ent, table, day)
        return ResolvedActor(id=f"person:{slug(text)}", name=text, country=country,
                             sector=sector, role=role)

    def _org(self, text: str, day: str | None) -> ResolvedActor | None:
        if norm(text) in self.kb.titles or norm(text) in _NOT_ORGS:
            return None  # "Secretary of State ...": NER took part of a title for a body
        entry = self.kb.org(text)
        if entry is not None:
            return _from_entry(entry)
        person = self.kb.person(text, day)  # "Trump" in "the Trump administration"
        if person is not None:
            return _from_entry(person)
        iso = self.kb.country(text)
        if iso:  # "U.S." tagged as an organisation
            return self._country(iso, None)
        country = self._country_in(text)
        sector = _org_sector(text)
        return ResolvedActor(id=f"org:{slug(text)}", name=text, country=country, sector=sector)

    def _gpe(self, ent: Span, text: str) -> ResolvedActor | None:
        iso = self.kb.country(text)
        if iso:
            return self._country(iso, None)
        capital = self.kb.capitals.get(norm(text))
        if capital and ent.root.dep_ in _SUBJECT_DEPS:  # "Damascus said": the government
            return self._country(capital, "GOV", name=text)
        org = self.kb.org(text)
        return _from_entry(org) if org is not None else None

    def _norp(self, ent: Span, text: str) -> ResolvedActor | None:
        org = self.kb.org(text)
        if org is not None:
            return _from_entry(org)
        if ent.root.dep_ in ("amod", "compound", "nmod"):
            return None  # an adjective of something else ("Syrian territory")
        iso = self.kb.country(text)
        return self._country(iso, None) if iso else None

    def _country(self, iso: str, sector: str | None, name: str | None = None) -> ResolvedActor:
        return ResolvedActor(id=iso if sector is None else f"{iso}-{sector}",
                             name=self.kb.country_names.get(iso, iso) if sector is None or not name
                             else f"government of {self.kb.country_names.get(iso, iso)}",
                             country=iso, sector=sector)

    def _country_in(self, text: str) -> str | None:
        words = text.split()
        for n in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                iso = self.kb.country(" ".join(words[i:i + n]))
                if iso:
                    return iso
        return None

    # --- titles -------------------------------------------------------------------------------

    def _title(self, ent: Span, table: ActorTable,
               day: str | None) -> tuple[str | None, str | None, str | None]:
        for window in (_left_window(ent), _appositive(ent)):
            if not window:
                continue
            country, sector, role = self._read_title(window, table, day)
            if country or sector:
                return country, sector, role
        return None, None, None

    def _read_title(self, tokens: list[Token], table: ActorTable,
                    day: str | None) -> tuple[str | None, str | None, str | None]:
        sector = role = None
        title_at = len(tokens) - 1
        for n in range(min(_MAX_NGRAM, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                hit = self.kb.titles.get(norm(_join(tokens[i:i + n])))
                if hit and sector is None:
                    sector, role = hit
                    title_at = i
        segment = _segment(tokens, title_at)
        country = self._possessor_country(segment, table, day) or self._window_country(segment)
        body = self._window_org(segment, table)
        if body is not None and body.sector:
            # "FBI Director", "CNN president", "Hezbollah leader": the body's sector, not the
            # generic one of the title word
            sector = body.sector
            role = role or "Official"
        return country, sector, role

    def _window_org(self, tokens: list[Token], table: ActorTable) -> ResolvedActor | None:
        for tok in tokens:
            actor = table.at(tok.idx, tok.idx + len(tok.text))
            if actor is not None and not actor.id.startswith("person:") and actor.id[3:4] != "-" \
                    and actor.id not in self.kb.country_names:
                return actor
        return None

    def _possessor_country(self, tokens: list[Token], table: ActorTable,
                           day: str | None) -> str | None:
        for tok in tokens:
            if tok.dep_ == "poss" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS"):
                owner = table.at(tok.idx, tok.idx + len(tok.text))
                if owner is not None and owner.country:
                    return owner.country
                entry = self.kb.person(tok.text, day)
                if entry is not None:
                    return entry.country
                iso = self.kb.country(tok.text) or self.kb.capitals.get(norm(tok.text))
                if iso:
                    return iso
        return None

    def _window_country(self, tokens: list[Token]) -> str | None:
        for tok in tokens:
            iso = self.kb.country(tok.text)
            if iso:
                return iso
            org = self.kb.org(tok.text)
            if org is not None and org.country:
                return org.country
        return None

    # --- groups and dictionary-only mentions ---------------------------------------------------

    def _group_mentions(self, doc: Doc, cols: _Columns):  # type: ignore[no-untyped-def]
        for i in cols.nouns:
            word = cols.word(i)
            if word.isascii() and word.lower() not in self.kb.groups:  # norm() is lower() here
                continue
            sector = self.kb.groups.get(norm(word))
            if sector is None:
                continue
            tok = doc[i]
            for mod in tok.lefts:
                if mod.dep_ not in ("amod", "compound", "nmod", "poss"):
                    continue
                start = mod.left_edge.idx if mod.dep_ == "poss" else mod.idx
                end = tok.idx + len(tok.text)
                coordinated = any(c.dep_ in ("cc", "conj") for c in mod.children)
                name = f"{mod.text} {tok.text}" if coordinated else cols.text[start:end]
                actor = self._group_owner(mod, sector, name)
                if actor is not None:
                    yield actor, start, end
                    break

    def _group_owner(self, mod: Token, sector: str, mention: str) -> ResolvedActor | None:
        """The actor of a group mention ("Syrian forces"): its organisation, else its country
        in the sector, named by the mention's own words."""
        text = mod.text
        org = self.kb.org(text)
        if org is not None:
            return _from_entry(org)
        iso = self.kb.country(text)
        if iso is None and mod.ent_type_ in ("NORP", "GPE"):
            ent = next((e for e in doc_ents(mod.doc) if e.start <= mod.i < e.end), None)
            iso = self.kb.country(ent.text) if ent is not None else None
        if iso is None:
            return None
        return ResolvedActor(id=f"{iso}-{sector}", name=" ".join(mention.split()),
                             country=iso, sector=sector)

    def _kb_mentions(self, cols: _Columns, day: str | None):  # type: ignore[no-untyped-def]
        """Known organisations and people NER missed ("DEBKAfile", "Hizbollah")."""
        n = cols.n
        for i in cols.capitalised:
            if not self.kb.may_start_name(cols.word(i)):
                continue
            start = cols.idx[i]
            for size in range(min(_MAX_NGRAM, n - i), 0, -1):
                end = cols.end(i + size - 1)
                text = cols.text[start:end]
                entry = self.kb.org(text) or (self.kb.person(text, day) if size > 1 else None)
                if entry is not None:
                    yield _from_entry(entry), start, end
                    break


# --- helpers ----------------------------------------------------------------------------------

class _Columns:
    """The token facts the resolver's whole-Doc scans need, read in one ``to_array`` call so
    that no spaCy Token is made for the many tokens no scan wants."""

    def __init__(self, doc: Doc) -> None:
        import numpy as np
        from spacy.attrs import ENT_TYPE, IDX, IS_TITLE, IS_UPPER, ORTH, POS
        from spacy.symbols import NOUN, PROPN

        self.n = len(doc)
        self.text = doc_text(doc)
        self._strings = doc.vocab.strings
        arr = doc.to_array([ORTH, POS, ENT_TYPE, IS_TITLE, IS_UPPER, IDX]) if self.n else \
            np.zeros((0, 6), dtype="uint64")
        self.orth = arr[:, 0].tolist()
        self.idx = arr[:, 5].tolist()
        pos, ents = arr[:, 1], arr[:, 2]
        labels = [self._strings[label] for label in ENT_LABELS]
        self.nouns = np.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
        self.propns = np.flatnonzero(pos == PROPN).tolist()
        self.capitalised = np.flatnonzero(((arr[:, 3] != 0) | (arr[:, 4] != 0))
                                          & ~np.isin(ents, labels)).tolist()

    def word(self, i: int) -> str:
        return self._strings[self.orth[i]]  # type: ignore[no-any-return]

    def end(self, i: int) -> int:
        """Character offset after token ``i``."""
        return self.idx[i] + len(self.word(i))  # type: ignore[no-any-return]


def _surname_mentions(cols: _Columns, table: ActorTable):  # type: ignore[no-untyped-def]
    """Later surname-only mentions NER missed ("Mikdad called ...")."""
    people: dict[str, ResolvedActor] = {}
    text = cols.text
    for actor in table.actors.values():
        if not (actor.id.startswith("person:") or actor.role):
            continue
        for name in {actor.name, *(text[s:e] for s, e in actor.mentions)}:
            parts = name.split()
            if len(parts) > 1 and parts[-1][:1].isupper():
                people.setdefault(parts[-1], actor)
    if not people:
        return
    for i in cols.propns:
        actor = people.get(cols.word(i))
        if actor is not None:
            yield actor, cols.idx[i], cols.end(i)


def _from_entry(entry: Entry) -> ResolvedActor:
    return ResolvedActor(id=entry.id, name=entry.name, country=entry.country,
                         sector=entry.sector, role=entry.role)


def _same_person(table: ActorTable, text: str) -> ResolvedActor | None:
    """An earlier person of this article whose name ends (or starts) with this one."""
    key = norm(text)
    hits = [a for a in table.actors.values() if a.id.startswith("person:") or a.role]
    for actor in hits:
        name = norm(actor.name)
        if name != key and (name.endswith(" " + key) or name.startswith(key + " ")):
            return actor
        if name == key:
            return actor
    return None


_NOT_ORGS = {"state", "house", "senate floor", "cabinet", "ministry", "department"}
_PREPOSITIONS = {"to", "in", "for", "of", "at", "from"}


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _segment(tokens: list[Token], at: int) -> list[Token]:
    """The tokens around position ``at`` up to the nearest prepositions: the title's own
    phrase, so "Putin's envoy to Syria" gives "Putin's envoy", not "Syria"."""
    start = at
    while start > 0 and tokens[start - 1].lower_ not in _PREPOSITIONS:
        start -= 1
    end = at
    while end < len(tokens) and tokens[end].lower_ not in _PREPOSITIONS:
        end += 1
    return tokens[start:end]


def _org_sector(text: str) -> str | None:
    for word in reversed(norm(text).split()):
        if word in ORG_SECTOR_WORDS:
            return ORG_SECTOR_WORDS[word]
    return None


def _trim(ent: Span) -> tuple[int, int, str]:
    """Character span and name without a leading "the" or a trailing possessive."""
    text, start = ent.text, ent.start_char
    if text[:4].lower() == "the ":
        text, start = text[4:], start + 4
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
            break
    if "(" in text and ")" not in text:
        text = text[: text.index("(")]  # "DEBKAfile (DF": NER stopped inside a bracket
    text = text.rstrip(" -–—,;:")
    return start, start + len(text), " ".join(text.split())


def _left_window(ent: Span) -> list[Token]:
    doc, out = ent.doc, []
    i = ent.start - 1
    while i >= max(ent.sent.start, ent.start - _MAX_WINDOW):
        tok = doc[i]
        if tok.pos_ in _WINDOW_POS or tok.lower_ in _WINDOW_WORDS or tok.tag_ == "POS":
            out.append(tok)
            i -= 1
            continue
        break
    return list(reversed(out))


def _appositive(ent: Span) -> list[Token]:
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            return [t for t in child.subtree]
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        return [t for t in head.subtree if t.i < ent.start]
    return []
