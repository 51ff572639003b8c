"""The event coder's data: CAMEO->PLOVER table, verb and noun lexicons, frames and cues.

Everything here is read once from ``events/data/`` (YAML and TSV written for chronicler) into
frozen lookup structures; nothing is read per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..types import PLOVER_TYPES


@dataclass(frozen=True)
class Coding:
    """The PLOVER reading of one CAMEO code."""

    type: str | None
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class Sense:
    """One reading of a verb or noun and the conditions under which it holds."""

    cameo: str | None = None
    type: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    prt: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    obj: frozenset[str] | None = None
    obj_not: frozenset[str] | None = None
    subj: frozenset[str] | None = None
    subj_not: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    mod_not: frozenset[str] | None = None
    light: frozenset[str] | None = None
    alone: bool = False
    cue: str | None = None
    frame: str | None = None
    weak: bool = False
    skip: bool = False
    needs_obj: bool = False
    clause: bool = False  # the verb must have a clausal complement ("agree that ...")
    passive: bool = False  # the verb must be passive ("weapons were found"), agent or not
    xcomp: frozenset[str] | None = None  # its infinitive complement must be one of these verbs
    reverse: bool = False  # the "from" object is the source, the subject the target ("received
    # aid from X")


@dataclass(frozen=True)
class Frame:
    """A verb class that embeds another event; see data/frames.yaml."""

    name: str
    consume: bool
    default: str | None = None
    stopped: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    pass_source: bool = False
    mobilize: str | None = None
    mobilize_for: tuple[str, ...] = ()

    def code_for(self, embedded: str | None, stopped: bool = False) -> str | None:
        """The frame's CAMEO code given the embedded event's code (longest prefix wins)."""
        if embedded is None:
            return self.default
        if stopped and self.stopped:
            return self.stopped
        for cut in range(len(embedded), 1, -1):
            hit = self.mapping.get(embedded[:cut])
            if hit:
                return hit
        return self.default


def _yaml(text: str) -> Any:
    """YAML through libyaml's C loader when the wheel has it (5-10x faster at start-up)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # a safe loader either way


def _data(name: str) -> str:
    return resources.files("chronicler.events").joinpath("data", name).read_text("utf-8")


def load_cameo_table(text: str | None = None) -> dict[str, Coding]:
    """Parse ``cameo_plover.tsv``: code -> Coding (type None for statements, 01x)."""
    table: dict[str, Coding] = {}
    for line in (text if text is not None else _data("cameo_plover.tsv")).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, typ, mode, ctx = (line.split("\t") + ["-", "-", "-"])[:4]
        table[code] = Coding(type=None if typ == "-" else typ, mode=None if mode == "-" else mode,
                             context=() if ctx == "-" else tuple(ctx.split(";")))
    return table


def _set(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, (str, bool)):
        value = [value]
    return frozenset(_word(v) for v in value)


def _word(value: Any) -> str:
    """A lexicon word; YAML 1.1 reads a bare on/off as a boolean, so turn it back."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value).lower()


class Lexicon:
    """All lookups the coder needs, loaded once."""

    def __init__(self) -> None:
        self.cameo = load_cameo_table()
        nouns = _yaml(_data("nouns.yaml"))
        frames = _yaml(_data("frames.yaml"))
        self.cues: dict[str, frozenset[str]] = {}
        self.pronouns: dict[str, str] = {}
        self._load_cues(_yaml(_data("cues.yaml")))
        self.classes = {k: frozenset(_word(x) for x in v)
                        for k, v in nouns["classes"].items()}
        self.light_classes = {k: frozenset(_word(w) for w in v)
                              for k, v in nouns["light"].items()}
        self.verbs = {str(k).lower(): self._senses(v) for k, v in
                      _yaml(_data("verbs.yaml")).items()}
        self.nouns = {str(k).lower(): self._senses(v) for k, v in nouns["events"].items()}
        self.nominal_light = {str(k): str(v) for k, v in nouns["nominal_light"].items()}
        self.frames = {name: _frame(name, spec) for name, spec in frames["frames"].items()}
        self.stop_words = frozenset(frames["stop_words"])
        self.target_preps = {k: tuple(_word(w) for w in v)
                             for k, v in frames["target_preps"].items()}
        self.symmetric = frozenset(frames["symmetric"])
        self.sourceless = frozenset(frames["sourceless"])
        self.agents = {lemma: sector for sector, lemmas in frames["agents"].items()
                       for lemma in lemmas}

    def _load_cues(self, cues: dict[str, Any]) -> None:
        for key, value in cues.items():
            if key == "pronouns":
                for kind, words in value.items():
                    for word in words:
                        self.pronouns[str(word)] = kind
            else:
                self.cues[key] = frozenset(_word(v) for v in value)

    def _senses(self, spec: Any) -> tuple[Sense, ...]:
        items = spec if isinstance(spec, list) else [spec]
        return tuple(self._sense(item) for item in items)

    def _sense(self, item: Any) -> Sense:
        if isinstance(item, str):
            item = {"cameo": item}
        cameo = item.get("cameo")
        coding = self.cameo.get(cameo) if cameo else None
        typ = item.get("type") or (coding.type if coding else None)
        if cameo and typ not in PLOVER_TYPES and not item.get("frame"):
            raise ValueError(f"CAMEO {cameo} has no PLOVER type and the sense gives none")
        light = None
        if "light" in item:
            light = frozenset(w for name in item["light"]
                              for w in self.light_classes.get(name, [name]))
        return Sense(
            cameo=cameo, type=typ, mode=item.get("mode") or (coding.mode if coding else None),
            context=coding.context if coding else (), prt=_set(item.get("prt")),
            prep=_set(item.get("prep")), obj=_set(item.get("obj")),
            obj_not=_set(item.get("obj_not")), subj=_set(item.get("subj")),
            subj_not=_set(item.get("subj_not")), mod=_set(item.get("mod")),
            mod_not=_set(item.get("mod_not")), light=light, alone=bool(item.get("alone")),
            cue=item.get("cue"), frame=item.get("frame"), weak=bool(item.get("weak")),
            skip=bool(item.get("skip")), needs_obj=bool(item.get("needs_obj")),
            clause=bool(item.get("clause")), reverse=bool(item.get("reverse")),
            passive=bool(item.get("passive")),
            xcomp=_set(item.get("xcomp")))

    def add_verbs(self, senses: dict[str, tuple[Sense, ...]],
                  classes: dict[str, frozenset[str]] | None = None) -> None:
        """Extra verb senses (a user's dictionary, see petrarch.py): they are tried before the
        built-in senses of the same word, and replace a built-in sense with the same
        conditions. ``classes`` adds the noun classes their ``obj`` conditions name."""
        self.classes.update(classes or {})
        for word, extra in senses.items():
            keys = {_conditions(s) for s in extra}
            own = tuple(s for s in self.verbs.get(word, ()) if _conditions(s) not in keys)
            self.verbs[word] = tuple(extra) + own

    def coding(self, cameo: str | None) -> Coding | None:
        """PLOVER reading of a CAMEO code (None when the code is unknown)."""
        return self.cameo.get(cameo) if cameo else None

    def in_class(self, lemma: str, classes: frozenset[str]) -> bool:
        """Whether ``lemma`` belongs to any of the named noun classes."""
        return any(c == "any_object" or lemma in self.classes.get(c, ()) for c in classes)

    def cue(self, name: str, word: str) -> bool:
        """Whether ``word`` is in the cue list ``name`` (cues.yaml)."""
        return word in self.cues.get(name, ())


def _conditions(sense: Sense) -> tuple:  # type: ignore[type-arg]
    """What a sense requires (everything but what it codes)."""
    return (sense.prt, sense.prep, sense.obj, sense.obj_not, sense.subj, sense.subj_not,
            sense.clause, sense.needs_obj, sense.xcomp)


def _frame(name: str, spec: dict[str, Any]) -> Frame:
    return Frame(name=name, consume=bool(spec.get("consume")), default=spec.get("default"),
                 stopped=spec.get("stopped"), mapping=dict(spec.get("map") or {}),
                 pass_source=bool(spec.get("pass_source")), mobilize=spec.get("mobilize"),
                 mobilize_for=tuple(spec.get("mobilize_for") or ()))
