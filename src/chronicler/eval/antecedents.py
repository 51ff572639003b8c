"""Whom a gold pronoun speaker ("he said") refers to, inferred from the gold's own data.

PolNeAR marks "he" as a quote's speaker but not whom "he" is, so the scorer infers the referent
among the article's named gold speakers:

1. **Candidates** are the named gold speakers whose head (the words before the first comma,
   outside parentheses: "Jane Roe" of "Jane Roe, 59, of Dover, Del.") ends in a capitalised
   word and names one party ("ministry spokesman Ali Rahimi", not "The Republican nominee" or
   "Mr. Roe and Mr. Doe"). A candidate stands for its *key*, the last capitalised word that is
   no title ("Roe", "Lee" of "Rep. Ann Lee (D-Ore.)"); gold speakers sharing a key are one.
2. **Agreement.** A candidate's gender comes from the article: a "Mr."/"Mrs."/"Ms."/"Miss"
   before the key, or a common given name before it ("Jane Roe") in the text or in a gold
   speaker with that key; evidence both ways leaves it unknown. A mention's own title or given
   name overrides its key's ("Mrs. Roe" is "she" where "John Roe" is named too). A candidate
   is shaped like a person when one of its gold speakers is two or more capitalised words
   ending in the key, the last two no acronym, not opening with an article or quantifier
   ("Jane Roe", not "The White House", "NBC News", "Russia" or "Many Democrats"). "he"/"she" take a candidate of their gender, or of unknown
   gender shaped like a person; "it"/"they" a candidate of no gender not shaped like a person.
3. **Recency.** Of the agreeing candidates, the one whose key occurs last before the pronoun
   anywhere in the text ("Doe has ... He said" is Doe even when that sentence is no quote),
   unless a person of the pronoun's gender who is no gold speaker is named in a later sentence,
   outside the gold's direct quotes ("Mrs. Roe" where the gold never names her as a speaker):
   the referent is then unknown.

A pronoun with no agreeing candidate before it is not scored. This is a heuristic (the gold has
no coreference): checked by hand on PolNeAR dev, see the module that scores quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..quotes import lexicon
from .gold import GoldQuote
from .metrics import name_tokens, speaker_class

_WORD = re.compile(r"[^\W_]+")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
#: Lower-case words that may sit inside a name ("Secretary of State John Kerry", "bin Laden").
_NAME_JOINERS = frozenset({"of", "for", "de", "del", "da", "al", "bin", "van", "von", "la", "le"})
_NOT_FIRST = frozenset({"the", "a", "an", "many", "some", "several", "most", "other", "all",
                        "both", "few", "two", "three", "four", "five", "these", "those"})
#: Titles only a person holds ("Sen. Roe", "President Doe").
_PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "president", "sen", "senator",
                            "rep", "gov", "governor", "mayor", "gen", "judge", "secretary",
                            "minister", "chairman", "chairwoman", "prof", "professor"})
_HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
MALE, FEMALE = frozenset({"he", "him", "his", "himself"}), \
    frozenset({"she", "her", "hers", "herself"})


def head_name(speaker: str | None) -> str:
    """The name part of a gold speaker: before the first comma, without parentheses."""
    return re.sub(r"\([^)]*\)", " ", (speaker or "").split(",", 1)[0]).strip()


def name_key(speaker: str | None) -> str | None:
    """The last capitalised word of the head name that is not a title: the word that recurs in
    the text ("Rep. Ann Lee (D-Ore.)" → "Lee", "DNC rules" → "DNC")."""
    words = _WORD.findall(head_name(speaker))
    names = [w for w in words if w[:1].isupper() and name_tokens(w)]
    return names[-1] if names else None


def _is_name(speaker: str) -> bool:
    """Whether the head name ends in a capitalised word and names one party (no "and")."""
    words = _NAME_WORD.findall(head_name(speaker))
    return bool(words) and words[-1][:1].isupper() and "and" not in words


def _person_shaped(key: str, names: Sequence[str], text: str) -> bool:
    """Whether a gold speaker of the key reads like a person's name: two or more capitalised
    words ending in the key, not opening with an article or quantifier ("Jane Roe", not "The
    White House", "Many Democrats"); or the text gives the key a person's title ("Sen. Roe")."""
    titles = re.finditer(rf"(?=\b(\w+)\.? +(?:[A-Z]\w*\.? +){{0,2}}{re.escape(key)}\b)", text)
    if any(m.group(1).lower() in _PERSON_TITLES for m in titles):
        return True
    for name in names:
        words = _NAME_WORD.findall(head_name(name))
        if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]) \
                and words[0].lower() not in _NOT_FIRST and not any(
                    w.isupper() and len(w) > 1 for w in words[-2:]):
            return True
    return False


def _given_gender(word: str) -> str | None:
    low = word.lower()
    if low in _HONORIFIC:
        return _HONORIFIC[low]
    if low in lexicon.male_names():
        return "m"
    return "f" if low in lexicon.female_names() else None


#: An honorific or capitalised word right before a mention ("Mrs. ", "Hillary ", "John F. ").
_BEFORE_MENTION = re.compile(
    r"\b(?:(Mr|Mrs|Ms|Miss)\.?|([A-Z][a-z]+)) +(?:(?:[A-Z][a-z]+|[A-Z]\.) +){0,2}$")


def _mention_gender(text: str, start: int) -> str | None:
    """The gender the words right before a mention of a key give it, if any."""
    m = _BEFORE_MENTION.search(text, max(0, start - 40), start)
    return _given_gender(m.group(1) or m.group(2)) if m else None


def _gender(key: str, names: Sequence[str], text: str) -> str | None:
    """"m"/"f" when the article's evidence for ``key`` agrees, else None."""
    seen = {g for name in names if head_name(name)
            for g in [_given_gender(head_name(name).split()[0].rstrip("."))] if g}
    seen |= {g for m in re.finditer(rf"\b{re.escape(key)}\b", text)
             for g in [_mention_gender(text, m.start())] if g}
    return next(iter(seen)) if len(seen) == 1 else None


#: A person named with a title or given name: "Mrs. Roe", "John F. Doe" (the last word).
_GENDERED_NAME = re.compile(r"(?=\b(?:(Mr|Mrs|Ms|Miss)\.?|([A-Z][a-z]+)) +"
                            r"(?:(?:[A-Z][a-z]+|[A-Z]\.) +){0,2}([A-Z][\w'’-]*[a-z])\b)")


def _gendered_mentions(text: str) -> list[tuple[int, str, str]]:
    """(start, gender, last word) of the names in ``text`` whose title or given name says
    whether they are "he" or "she"."""
    out = []
    for m in _GENDERED_NAME.finditer(text):
        gender = _given_gender(m.group(1) or m.group(2))
        if gender:
            out.append((m.start(3), gender, m.group(3)))
    return out


def _agrees(pronoun: str, gender: str | None, person: bool) -> bool:
    if pronoun in MALE or pronoun in FEMALE:
        if gender is not None:
            return gender == ("m" if pronoun in MALE else "f")
        return person
    return gender is None and not person


def gold_antecedents(quotes: Sequence[GoldQuote], text: str) -> dict[int, str]:
    """For each gold quote with a third-person pronoun speaker, the named gold speaker it
    refers to (see the module docstring), by quote index."""
    by_key: dict[str, list[str]] = {}
    for q in quotes:
        if q.speaker_span and speaker_class(q.speaker) == "named" and _is_name(q.speaker or ""):
            key = name_key(q.speaker)
            if key:
                by_key.setdefault(key, []).append(q.speaker or "")
    genders = {key: _gender(key, names, text) for key, names in by_key.items()}
    persons = {key: _person_shaped(key, names, text) for key, names in by_key.items()}
    patterns = {key: re.compile(rf"\b{re.escape(key)}\b") for key in by_key}
    quoted = [span for q in quotes if q.kind == "direct" for span in q.spans]
    gendered = [g for g in _gendered_mentions(text)
                if not any(lo <= g[0] < hi for lo, hi in quoted)]
    found: dict[int, str] = {}
    for i, q in enumerate(quotes):
        if not q.speaker_span or speaker_class(q.speaker) != "pronoun":
            continue
        pronoun = (q.speaker or "").strip().lower()
        before = text[:q.speaker_span[0]]
        last = {key: max((m.start() for m in pat.finditer(before) if _agrees(
            pronoun, _mention_gender(text, m.start()) or genders[key], persons[key])), default=-1)
                for key, pat in patterns.items()}
        best = max(last, key=lambda key: last[key], default=None)
        if best is None or last[best] < 0 or _someone_else(pronoun, last[best], before,
                                                             gendered, by_key):
            continue
        found[i] = by_key[best][0]
    return found


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+[A-Z“\"]|\n")


def _someone_else(pronoun: str, chosen: int, before: str, gendered: list[tuple[int, str, str]],
                  by_key: dict[str, list[str]]) -> bool:
    """Whether a person of the pronoun's gender who is no gold speaker ("Mrs. Roe" in an
    article whose gold never names her as speaker) is named in a sentence after the chosen
    candidate's (not "Doe said that Mr. Roe ...", where Doe stays the topic):
    the pronoun most likely refers to that person, whom the scorer cannot name."""
    if pronoun not in MALE and pronoun not in FEMALE:
        return False
    gender = "m" if pronoun in MALE else "f"
    return any(chosen < start < len(before) and g == gender and word not in by_key
               and _SENTENCE_END.search(before, chosen, start) for start, g, word in gendered)
