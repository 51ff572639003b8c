"""PlaceResolver: a parsed Doc -> the article's places, each with its mentions and their use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..actors.kb import norm
from ..nlp.text import doc_text
from ..types import Place, PlaceMention
from .facilities import place_facilities
from .gazetteer import Gazetteer
from .names import key
from .recognize import STRONG, find_mentions
from .resolve import Name, Resolved, accepted, choose, firm_place, group_names

#: Coordinated names kept per name (a list of 1,000 towns in one sentence stays linear).
MAX_PEERS = 8
#: A town sharing its name with an actor the knowledge base knows must be this big for a weak
#: mention of the name to be the town.
ACTOR_NAME_MIN_POP = 50_000

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..actors import KnowledgeBase


class PlaceResolver:
    """Resolves every toponym of a Doc. Holds the gazetteer (loaded once, lazily, from the
    user cache; built there on first use) and no per-document state."""

    def __init__(self, kb: KnowledgeBase, *, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded (and built into the cache if needed) at first use."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.kb)
        return self._gazetteer

    def resolve(self, doc: Doc, *, kb_table: Any = None) -> list[Place]:
        """The article's places in order of first mention; mentions merged per place."""
        return places_of(self.resolve_mentions(doc, kb_table=kb_table), doc_text(doc))

    def resolve_mentions(self, doc: Doc, *, kb_table: Any = None) -> list[Resolved]:
        """Every kept mention with its entry and the reason for the choice, in text order."""
        gaz = self.gazetteer
        mentions = find_mentions(doc, gaz, self._person_spans(kb_table))
        names = group_names(mentions, gaz)
        _link_peers(doc, names)
        dateline = next((n for n in names if any(m.source == "dateline" for m in n.mentions)),
                        None)
        choose(names, dateline)
        kept = [n for n in names if accepted(n) and not self._an_actors_name(n)]
        bare = {id(n) for n in kept if all(m.source == "bare abbreviation" for m in n.mentions)}
        if bare:  # "BC" alone is British Columbia only in an article about Canada
            countries = {n.choice.country for n in kept if id(n) not in bare and n.choice}
            for n in kept:  # "SA": South Africa or South Australia, as the article says
                if id(n) in bare:
                    n.choice = next((e for e, _ in n.candidates if e.country in countries),
                                    None)
            kept = [n for n in kept if n.choice is not None]
        out = [Resolved(m, n.choice, _reason(n, m)) for n in kept for m in n.mentions]
        out.sort(key=lambda r: r.mention.start)
        town = dateline.choice if dateline is not None and accepted(dateline) else None
        return place_facilities(doc, out, town)

    def _an_actors_name(self, n: Name) -> bool:
        """"Taliban", "Hamas", "Wang": a name the knowledge base knows as an organisation or
        a person's surname is that actor, not a small town of that name nor a place of that
        other name, unless a place entity or the dateline says it is a place."""
        e = n.choice
        if e is None or n.strength >= STRONG or firm_place(e):
            return False
        text = n.mentions[0].text
        small = e.population < ACTOR_NAME_MIN_POP
        if self.kb.org(text) is not None:
            return small or key(e.name) != n.key
        return small and norm(text) in self.kb.surnames

    def _person_spans(self, kb_table: Any) -> list[tuple[int, int]]:
        """Spans of people the knowledge base knows ("Jordan" the person is not the country)."""
        if kb_table is None:
            return []
        spans = []
        for actor in getattr(kb_table, "actors", {}).values():
            if self.kb.people.get(norm(actor.name)):
                spans.extend(actor.mentions)
        return spans


def _link_peers(doc: Doc, names: list[Name]) -> None:
    """Names coordinated in the text ("England and Wales", "California or Washington")."""
    by_token = {m.root: n for n in names for m in n.mentions}
    for n in names:  # names compare by identity: "in" over at most MAX_PEERS is cheap
        for m in n.mentions:
            for t in doc[m.root].conjuncts:
                peer = by_token.get(t.i)
                if peer is not None and peer is not n and peer not in n.peers \
                        and len(n.peers) < MAX_PEERS:
                    n.peers.append(peer)


def _reason(n: Name, m: Any) -> str:
    if m.source == "adjective":
        return f"adjective of {n.choice.name if n.choice else '?'}"
    if m.source in ("abbreviation", "bare abbreviation"):
        return f"abbreviation of {n.choice.name if n.choice else '?'}"
    return f"{n.reason} [{m.source}]"


def places_of(resolved: list[Resolved], text: str) -> list[Place]:
    """Resolved mentions merged into Places (one per entry), in order of first mention."""
    by_entry: dict[int, list[Resolved]] = {}
    for r in resolved:
        by_entry.setdefault(r.entry.id, []).append(r)
    places = []
    for rs in by_entry.values():
        e = rs[0].entry
        mentions = tuple(PlaceMention(r.mention.start, r.mention.end,
                                      text[r.mention.start:r.mention.end], r.mention.use)
                         for r in rs)
        places.append(Place(name=e.name, lat=round(e.lat, 5), lon=round(e.lon, 5),
                            country=e.country, admin1=e.admin1, feature=e.feature,
                            geonameid=e.geonameid, mentions=mentions))
    places.sort(key=lambda p: p.mentions[0].start)
    return places
