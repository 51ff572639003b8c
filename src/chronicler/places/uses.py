"""How a toponym is used: as a place (literal), for the people governing or living there
(metonymic: "Damascus said", "Lebanon's government"), or as a modifier (adjectival: "the
Jordanian border", "Syrian forces", "US troops"). Only literal uses locate events."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Verbs whose subject is a place even when it is a country: "Syria borders Jordan".
_PLACE_VERBS = frozenset({
    "be", "lie", "sit", "border", "locate", "situate", "stretch", "remain", "become", "host",
    "see", "experience", "suffer", "receive", "get", "have", "face", "lose", "include",
})
# Verbs whose object is the people of a place, not the place: "accused Damascus".
_AGENT_OBJECT_VERBS = frozenset({
    "accuse", "urge", "warn", "criticize", "criticise", "condemn", "blame", "support", "back",
    "help", "ask", "tell", "sanction", "pressure", "threaten", "thank", "praise", "persuade",
    "convince", "call", "join", "defeat", "beat", "invite", "recognize", "recognise",
})
# Nouns a possessive place qualifies as a place: "Syria's border", "Lebanon's south".
_PLACE_NOUNS = frozenset({
    "border", "borders", "territory", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "capital", "city", "cities", "coast", "soil",
    "airspace", "region", "regions", "province", "provinces", "part", "parts", "side",
    "countryside", "outskirts", "centre", "center", "heart", "streets", "waters", "land",
    "mountains", "desert", "border-crossing", "frontier", "interior", "area", "areas",
    "downtown", "suburbs", "neighborhood", "neighbourhood", "county", "state",
})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})


def use_of(doc: Doc, root: int) -> str:
    """The use of the toponym whose syntactic head is token ``root``."""
    token = doc[root]
    dep, head = token.dep_, token.head
    if (dep in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i != root
            and head.ent_type_ in ("", "ORG", "NORP") and head.ent_iob_ != "I"):
        return "adjectival"
    if dep == "poss":
        return "literal" if head.lower_ in _PLACE_NOUNS else "metonymic"
    if dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return "literal" if head.lemma_ in _PLACE_VERBS else "metonymic"
    if dep == "dobj" and head.lemma_ in _AGENT_OBJECT_VERBS:
        return "metonymic"
    if dep == "pobj" and head.lower_ == "by" and head.head.tag_ == "VBN":
        return "metonymic"  # "was condemned by Moscow"
    return "literal"
