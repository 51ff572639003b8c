"""User verb dictionaries in the PETRARCH2 / UniversalPetrarch format -> the coder's senses.

``load_petrarch_verbs(path)`` reads a PETRARCH verb dictionary and returns one
:class:`UserVerb` per (verb, pattern): the verb's lemma and forms, the words a pattern requires
before and after the verb, and a :class:`~chronicler.events.lexicon.Sense` carrying the
pattern's CAMEO code with its PLOVER type, mode and contexts (from ``data/cameo_plover.tsv``).

What of the format is read:

* synonym sets ``&NAME`` followed by ``+WORD`` lines (nested ``&OTHER`` members are expanded);
  a pattern word ``&NAME`` matches any member;
* verb blocks ``--- NAME [code] ---``; the verb lines under the header (``WORD``, with
  ``{FORM FORM}`` inflections, an own ``[code]`` overriding the block default, ``+PHRASAL_VERB``
  or ``WORD_+VERB`` multi-word verbs whose ``+`` marks the verb);
* pattern lines ``- words * words [code]``: ``*`` is the verb; words before it must occur
  earlier in the sentence, words after it in the verb's right-hand subtree (its objects,
  prepositional phrases and clauses); ``_`` joins, ``{ }`` (noun phrase) and ``( )``
  (prepositional phrase) only group, so they are read as plain word sequences;
* paired codes ``[032:033]`` keep the first (source -> target) code; ``[---]`` is no code.

Markers ``$`` (source), ``%`` (compound actor), ``^`` (skip a word) are dropped: chronicler
finds the source from the parse. A ``+`` (target) after the verb is kept as the word just before
it: the target is that preposition's object ("* TO +"), or the verb's object ("* +"); else the
parse decides. A pattern therefore becomes "verb with
these key words around it", an approximation of PETRARCH's word-by-word matching: word order
and adjacency inside a phrase are not checked. The most specific pattern that matches (most
words, then dictionary order) wins; a verb matching no pattern gets its block (or own) code.

Codes: a code of the CAMEO table is used as is; any other code (test codes such as ``075A``) is
carried as given with the PLOVER reading of its two-digit root; an entry whose code maps to no
PLOVER type (01x statements, roots outside 01-20, ``---``) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from .lexicon import Coding, Lexicon, Sense, load_cameo_table

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .segment import Sentence
    from .triggers import Trigger

_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^-{3}\s*(.*?)\s*-{3}\s*$")
_MARKERS = frozenset({"+", "$", "%", "^", "*"})
#: Prepositions and particles: a pattern word of these is both a required word and, when it
#: directly follows the verb, the verb's particle/preposition in the Sense's conditions.
_PREPS = frozenset({
    "about", "across", "against", "along", "among", "around", "at", "away", "back", "by",
    "down", "for", "from", "in", "into", "near", "of", "off", "on", "onto", "out", "over",
    "through", "to", "toward", "towards", "under", "up", "upon", "with", "without"})
_PARTICLES = frozenset({"away", "back", "down", "off", "out", "over", "up", "on", "in"})
#: Words that never help matching (PETRARCH patterns rarely use them, but "* THE_X" does).
_IGNORED = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class UserVerb:
    """One pattern (or the default) of one verb of a user dictionary."""

    lemma: str                     # lower-cased verb word ("ban")
    forms: frozenset[str]          # the lemma and its listed/generated inflections
    sense: Sense                   # CAMEO code, PLOVER type/mode/contexts, obj/prep/prt conditions
    before: tuple[frozenset[str], ...] = ()  # word alternatives required before the verb
    after: tuple[frozenset[str], ...] = ()   # word alternatives required after the verb
    order: int = 0                 # position in the dictionary (ties: earlier wins)
    source: str = ""               # the dictionary line
    target_after: str | None = None  # the pattern's "+" after the verb: the word before it
    # ("to" in "* TO +"), "" when "+" directly follows the verb (its object); None: no marker

    @property
    def specificity(self) -> int:
        return len(self.before) + len(self.after)


# --- parsing ----------------------------------------------------------------------------------


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    if line.lstrip().startswith("<!") or line.strip().startswith("-->"):
        return ""
    return line.split("#", 1)[0].rstrip()


def _codes(text: str) -> list[str]:
    return [c.strip() for c in _CODE.findall(text)]


def _first_code(raw: str | None) -> str | None:
    if raw is None:
        return None
    code = raw.split(":", 1)[0].strip()
    return None if not code or code.startswith("-") else code


def _words(text: str) -> list[str]:
    """Pattern text -> words and markers, lower-cased ("IN_*" -> ["in", "*"])."""
    text = _CODE.sub(" ", text)
    text = re.sub(r"[{}()]", " ", text).replace("_", " ")
    text = re.sub(r"(?<=\S)([*$%^])", r" \1", text)
    text = re.sub(r"([*$%^])(?=\S)", r"\1 ", text)
    return [w.lower() for w in text.split()]


def inflections(word: str) -> set[str]:
    """The word and its regular inflections (PETRARCH generates these too)."""
    out = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        out |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" \
            and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


class _Parser:
    def __init__(self, table: dict[str, Coding]) -> None:
        self.table = table
        self.synsets: dict[str, list[str]] = {}
        self.entries: list[UserVerb] = []
        self.skipped = 0

    # synonym sets

    def members(self, name: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        """Single words that stand for ``&NAME`` (multi-word members give their last word)."""
        out: set[str] = set()
        for member in self.synsets.get(name, []):
            if member.startswith("&"):
                if member not in seen:
                    out |= self.members(member, seen | {name})
                continue
            words = [w for w in _words(member) if w not in _MARKERS]
            if words:
                out |= _noun_forms(words[-1])
        return frozenset(out)

    def word_set(self, word: str) -> frozenset[str] | None:
        if word.startswith("&"):
            members = self.members(word)
            return members or None
        if word in _IGNORED:
            return None
        return frozenset(_noun_forms(word))

    # codes

    def coding(self, code: str) -> Coding | None:
        """The PLOVER reading of a code: its own row, else its root's; None for no type."""
        hit = self.table.get(code)
        if hit is None and len(code) >= 2 and code[:2].isdigit():
            hit = self.table.get(code[:2] + "0")
        return hit if hit is not None and hit.type else None

    # entries

    def add(self, verbs: list[tuple[str, frozenset[str], tuple[str, ...], str | None]],
            default: str | None, patterns: list[tuple[list[str], str | None, str]]) -> None:
        for lemma, forms, fixed_after, own in verbs:
            code = own or default
            if code is not None and self.coding(code) is not None:
                self._entry(lemma, forms, [], list(fixed_after), code, lemma)
            elif code is not None:
                self.skipped += 1  # a default without PLOVER type: the built-in senses stay
            for words, pcode, line in patterns:
                if "*" in words:
                    at = words.index("*")
                    before, after = words[:at], words[at + 1:]
                else:
                    before, after = [], words
                self._entry(lemma, forms, before, list(fixed_after) + after, pcode, line)

    def _entry(self, lemma: str, forms: frozenset[str], before: list[str], after: list[str],
               code: str | None, line: str) -> None:
        coding = self.coding(code) if code is not None else None
        before_sets = tuple(s for w in before if w not in _MARKERS
                            for s in [self.word_set(w)] if s)
        after_words = [w for w in after if w not in _MARKERS]
        after_sets = tuple(s for w in after_words for s in [self.word_set(w)] if s)
        prt = prep = obj = None
        if after_words and after_words[0] in _PREPS:
            if after_words[0] in _PARTICLES and len(after_words) == 1:
                prt = frozenset({after_words[0]})
            else:
                prep = frozenset({after_words[0]})
        nouns = [w for w in after_words if w not in _PREPS and w not in _IGNORED]
        if nouns and prep is None:
            obj = frozenset({_class_name(nouns[-1])})
        if coding is None:  # "[---]" or a statement: the pattern matches and codes no event
            sense = Sense(cameo=code, skip=True, prt=prt, prep=prep, obj=obj)
        else:
            sense = Sense(cameo=code, type=coding.type, mode=coding.mode,
                          context=coding.context, prt=prt, prep=prep, obj=obj)
        self.entries.append(UserVerb(lemma=lemma, forms=forms, sense=sense, before=before_sets,
                                     after=after_sets, order=len(self.entries),
                                     source=line.strip(), target_after=_target_after(after)))


def _target_after(after: list[str]) -> str | None:
    """Where the pattern puts the target after the verb: the word just before its "+" ("to" in
    "* TO +"), "" for "* +" (the verb's object), None without a marker."""
    if "+" not in after:
        return None
    at = after.index("+")
    words = [w for w in after[:at] if w not in _MARKERS]
    return words[-1] if words else ""


def _class_name(word: str) -> str:
    return f"petrarch:{word}"


def _noun_forms(word: str) -> set[str]:
    out = {word}
    if word in _PREPS or len(word) <= 3 or not word.isalpha():
        return out
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.add(word[:-1])
    else:
        out |= {word + "s", word + "es"}
    return out


def _verb_line(text: str) -> tuple[str, frozenset[str], tuple[str, ...]] | None:
    """A verb line -> (lemma, forms, words fixed after the verb: "BREAK_DOWN" -> down)."""
    forms_text = ""
    brace = re.search(r"\{([^}]*)\}", text)
    if brace:
        forms_text = brace.group(1)
        text = text[:brace.start()] + text[brace.end():]
    text = _CODE.sub(" ", text).strip().lstrip("+").strip()
    if not text:
        return None
    parts = [p for p in re.split(r"[_\s]+", text.lower()) if p]
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    if not parts or not parts[at]:
        return None
    lemma = parts[at]
    forms = set(inflections(lemma))
    for form in forms_text.split():
        words = [w.lstrip("+") for w in re.split(r"_", form.lower()) if w]
        marked = [w for w in re.split(r"_", form.lower()) if w.startswith("+")]
        if marked:
            forms.add(marked[0].lstrip("+"))
        elif words:
            forms.add(words[min(at, len(words) - 1)])
    return lemma, frozenset(forms), tuple(parts[at + 1:])


def load_petrarch_verbs(path: str | Path) -> list[UserVerb]:
    """The patterns of a PETRARCH verb dictionary as the coder's senses (see the module doc)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"verb dictionary {path} does not exist; check the --verbs path")
    return parse_petrarch_verbs(path.read_text("utf-8", errors="replace"))


def parse_petrarch_verbs(text: str, table: dict[str, Coding] | None = None) -> list[UserVerb]:
    """:func:`load_petrarch_verbs` on the dictionary's text."""
    parser = _Parser(table if table is not None else load_cameo_table())
    synset: str | None = None
    block: dict | None = None

    def flush() -> None:
        if block is not None:
            parser.add(block["verbs"], block["default"], block["patterns"])

    for raw in text.splitlines():
        line = _strip_comment(raw)
        stripped = line.strip()
        if not stripped:
            continue
        header = _HEADER.match(stripped)
        if header:
            flush()
            codes = _codes(header.group(1))
            block = {"default": _first_code(codes[0] if codes else None), "verbs": [],
                     "patterns": []}
            synset = None
            continue
        if stripped.startswith("&"):
            synset = stripped.split()[0].rstrip("_").upper()
            parser.synsets[synset] = []
            continue
        if synset is not None and stripped.startswith("+"):
            parser.synsets[synset].append(stripped[1:].strip())
            continue
        if block is None:
            continue
        synset = None
        if stripped.startswith(("-", "*")):
            body = stripped.lstrip("-").strip()
            codes = _codes(body)
            words = [_synset_word(w) for w in _words(body)]
            block["patterns"].append((words, _first_code(codes[-1] if codes else None),
                                      stripped))
            continue
        verb = _verb_line(stripped)
        if verb is not None:
            codes = _codes(stripped)
            block["verbs"].append((*verb, _first_code(codes[0]) if codes else None))
    flush()
    return parser.entries


def _synset_word(word: str) -> str:
    return word.rstrip("_").upper() if word.startswith("&") else word


# --- the coder's view -------------------------------------------------------------------------


class UserVerbs:
    """User verb patterns indexed by verb form; picks the best pattern for a verb token."""

    def __init__(self, entries: list[UserVerb]) -> None:
        self.entries = entries
        self.by_form: dict[str, list[UserVerb]] = {}
        for e in entries:
            for form in e.forms:
                self.by_form.setdefault(form, []).append(e)
        for hits in self.by_form.values():
            hits.sort(key=lambda e: (-e.specificity, e.order))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def senses(self) -> dict[str, tuple[Sense, ...]]:
        """lemma -> user senses, most specific first (for ``Lexicon.add_verbs``)."""
        out: dict[str, list[UserVerb]] = {}
        for e in self.entries:
            out.setdefault(e.lemma, []).append(e)
        return {lemma: tuple(dict.fromkeys(
            e.sense for e in sorted(hits, key=lambda e: (-e.specificity, e.order))))
            for lemma, hits in out.items()}

    def classes(self) -> dict[str, frozenset[str]]:
        """The noun classes the senses' ``obj`` conditions name (one per key word)."""
        out: dict[str, set[str]] = {}
        for e in self.entries:
            for name in e.sense.obj or ():
                word = name.split(":", 1)[1]
                out.setdefault(name, set()).update(_noun_forms(word))
        for e in self.entries:  # the synset members of a key word that is a synset
            if e.sense.obj and e.after:
                out[next(iter(e.sense.obj))].update(e.after[-1])
        return {k: frozenset(v) for k, v in out.items()}

    def best(self, tok: Token, sent: Sentence) -> UserVerb | None:
        """The most specific pattern whose words are around ``tok`` (None: no user verb)."""
        lemma = tok.lemma_.lower()
        hits = self.by_form.get(tok.lower_, [])
        if lemma != tok.lower_ and lemma in self.by_form:
            hits = sorted({id(e): e for e in [*hits, *self.by_form[lemma]]}.values(),
                          key=lambda e: (-e.specificity, e.order))
        if not hits:
            return None
        right = None
        left = None
        for e in hits:
            if e.after:
                if right is None:
                    right = _words_of(t for t in tok.subtree if t.i > tok.i)
                if not all(alts & right for alts in e.after):
                    continue
            if e.before:
                if left is None:
                    left = _words_of(t for t in sent.tokens if t.i < tok.i)
                if not all(alts & left for alts in e.before):
                    continue
            return e
        return None


def _words_of(tokens) -> set[str]:  # type: ignore[no-untyped-def]
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out


def load_user_verbs(paths: tuple[str, ...] | list[str]) -> UserVerbs:
    """All patterns of the given dictionaries (later files first: they win ties)."""
    entries: list[UserVerb] = []
    for n, path in enumerate(reversed(list(paths))):
        for e in load_petrarch_verbs(path):
            entries.append(replace(e, order=n * 1_000_000 + e.order))
    return UserVerbs(entries)


def apply_user_verbs(triggers: list[Trigger], sent: Sentence, lex: Lexicon,
                     user: UserVerbs) -> list[Trigger]:
    """Recode the sentence's verbs by the user's patterns (user senses win over the built-in
    lexicon); add triggers for user verbs the lexicon lacks. Returns the new trigger list."""
    from .triggers import Trigger, _describes

    by_token = {t.token.i: t for t in triggers if t.kind == "verb"}
    lights = {t.light.i for t in triggers if t.light is not None}
    added = False
    for tok in sent.tokens:
        if tok.pos_ not in ("VERB", "AUX") or (tok.pos_ == "AUX" and tok.i not in by_token):
            continue
        hit = user.best(tok, sent)
        if hit is None:
            continue
        sense = hit.sense
        old = by_token.get(tok.i)
        target = _pattern_target(tok, hit.target_after)
        if sense.skip:  # the user's pattern says: no event here
            triggers = [t for t in triggers if t is not old]
            continue
        if old is not None:
            old.sense, old.cameo, old.type, old.mode, old.context = \
                sense, sense.cameo, sense.type, sense.mode, sense.context
            old.pattern_target = target
            continue
        if tok.i in lights and not hit.specificity:
            continue  # "held talks": the event noun codes it unless a pattern names the words
        if _describes(tok, lex):
            continue
        if tok.i in lights:
            triggers = [t for t in triggers if t.light is None or t.light.i != tok.i]
        triggers.append(Trigger(token=tok, sense=sense, kind="verb", cameo=sense.cameo,
                                type=sense.type, mode=sense.mode, context=sense.context,
                                pattern_target=target))
        added = True
    if added:
        triggers.sort(key=lambda t: t.token.i)
    return triggers


def _pattern_target(verb: Token, word: str | None) -> Token | None:
    """The token a pattern's "+" points at: the object of the verb's ``word`` preposition
    (searched among the verb's children, then its object's), or the verb's object."""
    if word is None:
        return None
    if word == "":
        return next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "prt", "xcomp"))]
    for head in heads:
        for c in head.children:
            if c.lower_ == word and c.dep_ in ("prep", "dative", "agent"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None
