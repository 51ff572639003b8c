"""Word lists of the quotation stage, read once from ``data/``.

One entry a line; ``#`` starts a comment.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt``, lower-cased."""
    entries = set()
    for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


def cues() -> frozenset[str]:
    """Lemmas of speech-act verbs ("say", "tell", "warn" ...)."""
    return words("cues")


def directive_cues() -> frozenset[str]:
    """Speech verbs whose infinitive complement is reported speech ("urged them to go")."""
    return words("directive_cues")


def belief_cues() -> frozenset[str]:
    """Verbs of belief and evidence whose that-clause is attributed ("believes", "shows")."""
    return words("belief_cues")


def intention_cues() -> frozenset[str]:
    """Verbs of intention whose infinitive clause is attributed ("wants to", "plans to")."""
    return words("intention_cues")


def stance_cues() -> frozenset[str]:
    """Verbs of stance whose noun object is attributed ("endorsed Clinton", "praised X")."""
    return words("stance_cues")


def person_stance_cues() -> frozenset[str]:
    """Verbs of stance in words only with a person as subject ("the senator attacked X")."""
    return words("person_stance_cues")


def stance_adjectives() -> frozenset[str]:
    """Adjectives of stance whose complement is attributed ("critical of X", "sure that ...")."""
    return words("stance_adjectives")


def speech_nouns() -> frozenset[str]:
    """Nouns of speech whose possessor is the speaker ("the union's claim that ...")."""
    return words("speech_nouns")


def stance_agents() -> frozenset[str]:
    """Nouns of a stance holder whose "of"/"for" object is the stance ("a critic of X")."""
    return words("stance_agents")


def source_nouns() -> frozenset[str]:
    """Nouns of evidence sources whose verb's noun object is attributed ("a poll shows X")."""
    return words("source_nouns")


def object_cues() -> frozenset[str]:
    """Speech verbs whose noun object is what was said ("announced a ban", "called for X")."""
    return words("object_cues")


def light_verbs() -> frozenset[str]:
    """Verbs whose speech-noun object makes their subject the speaker ("made a claim")."""
    return words("light_verbs")


@cache
def prep_cues() -> dict[str, frozenset[tuple[str | None, str]]]:
    """Verbs of speaking out whose prepositional object is what was said ("railed against
    X", "lashed out at X"): lemma -> {(particle or None, preposition)}."""
    out: dict[str, set[tuple[str | None, str]]] = {}
    for entry in words("prep_cues"):
        parts = entry.split()
        out.setdefault(parts[0], set()).add((parts[1] if len(parts) == 3 else None, parts[-1]))
    return {lemma: frozenset(pairs) for lemma, pairs in out.items()}


def lemma_in(lemma: str, text: str, entries: frozenset[str]) -> bool:
    """Whether a verb of lemma ``lemma``, written ``text``, is among ``entries``; also when
    the tagger cut a silent "e" off the lemma ("hoped" -> "hop" for "hope", "rated" ->
    "rat")."""
    if lemma in entries:
        return True
    return lemma + "e" in entries and text in (lemma + "ed", lemma + "ing", lemma + "es")


def title_cues() -> frozenset[str]:
    """Words after which a quoted string names a work ("titled", "book", "film" ...)."""
    return words("title_cues")


def term_cues() -> frozenset[str]:
    """Words after which a quoted string is a term mentioned ("so-called", "the word" ...)."""
    return words("term_cues")


def role_nouns() -> frozenset[str]:
    """Nouns naming a person by role ("minister", "spokesman" ...)."""
    return words("role_nouns")


def people_nouns() -> frozenset[str]:
    """Nouns for people who can take a stance in words ("critics", "voters", "advocates")."""
    return words("people_nouns")


def org_nouns() -> frozenset[str]:
    """Nouns naming an organisation by kind ("ministry", "agency" ...)."""
    return words("org_nouns")


def honorifics() -> frozenset[str]:
    """Honorifics and abbreviated titles ("Mr.", "Sen.", "Sheikh" ...)."""
    return words("honorifics")


def male_names() -> frozenset[str]:
    """Common male given names ("david", "john" ...): a name starting with one is "he"."""
    return words("male_names")


def female_names() -> frozenset[str]:
    """Common female given names ("mary", "susan" ...): a name starting with one is "she"."""
    return words("female_names")
