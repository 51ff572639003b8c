"""The actor knowledge base: countries, capitals, organisations, people with dated roles,
titles and group nouns. Knowledge lives in CSV files (``chronicler/data/actors``); users add or
override entries with their own CSV or YAML files (see docs in that folder's README)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UsageError

DATA = "data/actors"
_SLUG = re.compile(r"[^a-z0-9]+")
_WS = re.compile(r"\s+")


def slug(text: str) -> str:
    """ASCII id part: "António Guterres" -> "antonio-guterres"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-")


def norm(text: str) -> str:
    """Lookup key: case-folded, curly apostrophes straightened, whitespace folded."""
    return _WS.sub(" ", text.replace("’", "'").replace("\u00a0", " ")).strip().casefold()


@dataclass(frozen=True)
class Entry:
    """One known actor (a person in one role, an organisation, or a country)."""

    id: str
    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    kind: str = "person"
    valid_from: str | None = None
    valid_to: str | None = None

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return True
        return (self.valid_from or "0000") <= day <= (self.valid_to or "9999")


@dataclass
class KnowledgeBase:
    """Alias tables. Keys are ``norm()``-ed; case-sensitive keys hold short all-caps aliases."""

    countries: dict[str, str] = field(default_factory=dict)       # name/alias -> ISO3
    adjectives: dict[str, str] = field(default_factory=dict)      # "syrian" -> SYR
    peoples: dict[str, str] = field(default_factory=dict)         # "syrians" -> SYR
    capitals: dict[str, str] = field(default_factory=dict)        # "damascus" -> SYR
    country_names: dict[str, str] = field(default_factory=dict)   # SYR -> "Syria"
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)           # "US" -> USA (case-sensitive)
    exact_orgs: dict[str, str] = field(default_factory=dict)      # "FBI" -> USA_FBI (case-sensitive)
    orgs: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, list[Entry]] = field(default_factory=dict)  # alias -> roles over time
    surnames: dict[str, set[str]] = field(default_factory=dict)   # "putin" -> {"vladimir-putin"}
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # "foreign minister" -> (GOV, role)
    groups: dict[str, str] = field(default_factory=dict)          # "forces" -> MIL
    # Indexes derived from the tables above, built on first use and dropped by every add_*.
    _index: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # --- lookups ------------------------------------------------------------------------------

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, short form, adjective or people noun."""
        if text in self.exact:
            return self.exact[text]
        key = norm(text)
        key = key.removeprefix("the ")
        return (self.countries.get(key) or self.adjectives.get(key) or self.peoples.get(key))

    def person(self, name: str, day: str | None) -> Entry | None:
        """The role a known person held on ``day`` (their latest role when none fits or the
        article has no date)."""
        key = norm(name)
        roles = self.people.get(key)
        if roles is None and " " not in key:
            ids = self.surnames.get(key, set())
            if len(ids) == 1:
                roles = list(self._roles_by_id().get(next(iter(ids)), ()))
        if not roles:
            return None
        valid = [e for e in roles if e.valid_on(day)]
        if valid:
            return valid[0]  # rows in file order: the first valid row is the primary role
        return max(roles, key=lambda e: (e.valid_from or "", e.valid_to or "9999"))

    def org(self, name: str) -> Entry | None:
        if name in self.exact_orgs:
            return self._orgs_by_id()[self.exact_orgs[name]]
        key = norm(name)
        key = key.removeprefix("the ")
        return self.orgs.get(key)

    def may_start_name(self, word: str) -> bool:
        """Whether a name the tables know (an organisation, a person, a surname) can start
        with the token ``word``: its ``norm()`` is a prefix of such a name's first word, or
        "the". A quick test before trying every n-gram from ``word`` on."""
        return norm(word) in self._derived("prefixes", self._name_prefixes)

    def _derived(self, name: str, build: Callable[[], Any]) -> Any:
        """The index ``name``, built by ``build`` on first use (every add_* drops them all)."""
        if name not in self._index:
            self._index[name] = build()
        return self._index[name]

    def _name_prefixes(self) -> set[str]:
        prefixes = {"the"}
        for key in [*self.orgs, *self.people, *self.surnames, *map(norm, self.exact_orgs)]:
            first = key.split(" ", 1)[0]
            prefixes.update(first[:n] for n in range(1, len(first) + 1))
        return prefixes

    def _orgs_by_id(self) -> dict[str, Entry]:
        """Organisation id -> its first entry in table order."""
        def build() -> dict[str, Entry]:
            index: dict[str, Entry] = {}
            for e in self.orgs.values():
                index.setdefault(e.id, e)
            return index
        return self._derived("orgs", build)  # type: ignore[no-any-return]

    def _roles_by_id(self) -> dict[str, list[Entry]]:
        """Person id -> its roles in table order."""
        def build() -> dict[str, list[Entry]]:
            index: dict[str, list[Entry]] = {}
            for roles in self.people.values():
                for e in roles:
                    index.setdefault(e.id, []).append(e)
            return index
        return self._derived("people", build)  # type: ignore[no-any-return]

    # --- building -----------------------------------------------------------------------------

    def add_country(self, iso3: str, name: str, aliases: Iterable[str], adjectives: Iterable[str],
                    peoples: Iterable[str]) -> None:
        self.country_names[iso3] = name
        for alias in (name, *aliases):
            self._alias(self.countries, alias, iso3)
        for adj in adjectives:
            self._alias(self.adjectives, adj, iso3)
        for people in peoples:
            self._alias(self.peoples, people, iso3)

    def _alias(self, table: dict[str, str], alias: str, value: str) -> None:
        alias = alias.strip()
        if not alias:
            return
        if len(alias) <= 4 and alias.replace(".", "").isupper():
            self.exact[alias] = value  # "US", "UK", "UAE": never match "us"
        else:
            table[norm(alias)] = value

    def add_org(self, entry: Entry, aliases: Iterable[str]) -> None:
        self._index.clear()
        for alias in (entry.name, *aliases):
            alias = alias.strip()
            if not alias:
                continue
            if len(alias) <= 5 and alias.replace(".", "").isupper():
                self.exact_orgs[alias] = entry.id  # "WHO", "UN": never "who", "un"
                if alias != entry.name:
                    continue
            self.orgs[norm(alias)] = entry

    def add_person(self, entry: Entry, aliases: Iterable[str]) -> None:
        self._index.clear()
        for alias in (entry.name, *aliases):
            if alias.strip():
                roles = self.people.setdefault(norm(alias), [])
                roles[:] = [e for e in roles if (e.id, e.valid_from) != (entry.id, entry.valid_from)]
                roles.append(entry)
        self.surnames.setdefault(norm(entry.name).split()[-1], set()).add(entry.id)


def _rows(path: Path | None, package_file: str | None = None) -> Iterator[dict[str, str]]:
    if package_file is not None:
        resource = resources.files("chronicler").joinpath(f"{DATA}/{package_file}")
        if not resource.is_file():
            return
        text = resource.read_text("utf-8")
    else:
        assert path is not None
        text = path.read_text("utf-8")
    yield from csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def country_rows() -> Iterator[tuple[str, list[str]]]:
    """The packaged country table: each alpha-3 code with its name and aliases."""
    for row in _rows(None, "countries.csv"):
        yield row["iso3"], [row["name"], *_split(row.get("aliases"))]


def load_kb(user_files: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base, the installed overrides (``chronicler actors update``), then
    the user's files (later entries override earlier)."""
    kb = KnowledgeBase()
    for row in _rows(None, "countries.csv"):
        kb.add_country(row["iso3"], row["name"], _split(row.get("aliases")),
                       _split(row.get("adjectives")), _split(row.get("people")))
        if row.get("lat") and row.get("lon"):
            kb.country_points[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
    for row in _rows(None, "capitals.csv"):
        kb.capitals[norm(row["capital"])] = row["country"]
    for row in _rows(None, "titles.csv"):
        kb.titles[norm(row["title"])] = (row["sector"], row["role"])
    for row in _rows(None, "groups.csv"):
        kb.groups[norm(row["noun"])] = row["sector"]
    for row in _rows(None, "organizations.csv"):
        _add_org_row(kb, row)
    for row in _rows(None, "people.csv"):
        _add_person_row(kb, row)
    from .maintain import override_files

    for path in (*override_files(), *user_files):
        load_user_file(kb, Path(path))
    return kb


def _add_org_row(kb: KnowledgeBase, row: dict[str, str]) -> None:
    entry = Entry(id=row["id"].strip(), name=row["name"].strip(), country=_none(row.get("country")),
                  sector=_none(row.get("sector")), kind=_none(row.get("kind")) or "org")
    kb.add_org(entry, _split(row.get("aliases")))


def _add_person_row(kb: KnowledgeBase, row: dict[str, str]) -> None:
    name = row["name"].strip()
    entry = Entry(id=_none(row.get("id")) or slug(name), name=name,
                  country=_none(row.get("country")), sector=_none(row.get("sector")),
                  role=_none(row.get("role")), kind="person",
                  valid_from=_none(row.get("valid_from")), valid_to=_none(row.get("valid_to")))
    kb.add_person(entry, _split(row.get("aliases")))


def load_user_file(kb: KnowledgeBase, path: Path) -> None:
    """Add a user's actors. CSV or YAML rows with ``type`` person|org (default person) and the
    columns of people.csv / organizations.csv; or a PETRARCH actors/agents dictionary (see
    :func:`load_petrarch_actors`), recognised by its ``.txt`` extension or its content."""
    if not path.is_file():
        raise UsageError(f"actor dictionary {path} does not exist; check the --actors path")
    if is_petrarch_dictionary(path):
        load_petrarch_actors(kb, path)
        return
    try:
        rows = _user_rows(path)
        for n, row in enumerate(rows, start=1):
            row = {k: "" if v is None else str(v) for k, v in row.items()}
            if not row.get("name"):
                raise ValueError(f"row {n} has no 'name'")
            if (row.get("type") or "person").strip() == "org":
                row.setdefault("id", slug(row["name"]).upper())
                row["id"] = row["id"] or slug(row["name"]).upper()
                _add_org_row(kb, row)
            else:
                _add_person_row(kb, row)
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"actor dictionary {path}: {exc}; see the format in "
                         "`chronicler extract --help` and data/actors/README.md") from exc


def _user_rows(path: Path) -> list[dict]:
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(path.read_text("utf-8")) or []
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError("expected a list of mappings (or {actors: [...]})")
        for row in data:
            for key in ("aliases",):
                if isinstance(row.get(key), list):
                    row[key] = "|".join(row[key])
        return data
    return list(_rows(path))


# --- PETRARCH actor and agent dictionaries ----------------------------------------------------

#: CAMEO actor type codes that may follow a country code ("ARNGOV", "PSEREBHMS").
CAMEO_SECTORS = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PTY", "PRM", "JRN", "PRE", "REL", "SOC", "UNK"})
#: Codes of actors that belong to no country (international, transnational bodies).
STATELESS = frozenset({"IGO", "NGO", "IMG", "NGM", "MNC", "UNO", "INT"})
_PET_CODE = re.compile(r"\[([^\]]*)\]")
_PET_DATE = re.compile(r"^\s*([<>])?\s*(\d{6}|\d{8})\s*(?:-\s*(\d{6}|\d{8}))?\s*$")


def is_petrarch_dictionary(path: Path) -> bool:
    """A PETRARCH actors/agents dictionary: a ``.txt`` file, or one whose entries are
    ``NAME [CODE]`` lines (not CSV/YAML)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".yaml", ".yml", ".json"):
        return False
    if suffix == ".txt":
        return True
    try:
        head = path.read_text("utf-8", errors="replace")[:20000]
    except OSError:
        return False
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.startswith("#")]
    coded = sum(1 for ln in lines if re.search(r"^\S.*\[[~A-Za-z+\-]{3}[^\]]*\]", ln))
    return bool(lines) and coded >= max(1, len(lines) // 4)


def _pet_lines(text: str) -> Iterator[str]:
    """Lines without comments (``#``, ``<!-- ... -->``, also across lines)."""
    in_comment = False
    for raw in text.splitlines():
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = re.sub(r"<!.*?-->", "", line)
        if "<!" in line:
            line, in_comment = line.split("<!", 1)[0], True
        line = line.split("#", 1)[0]
        if line.strip():
            yield line.rstrip()


def _pet_name(text: str) -> str:
    """"ARNOR_" -> "Arnor", "PRESIDENT_GEORGE_W._BUSH" -> "President George W. Bush"."""
    words = text.replace("_", " ").split()
    return " ".join(w if len(w) <= 3 and "." not in w and not w.isalpha() else
                    (w.capitalize() if w.isupper() or w.islower() else w) for w in words)


def _pet_day(value: str, end: bool = False) -> str:
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def split_petrarch_code(code: str) -> tuple[str | None, str | None]:
    """("ARN", None) for "ARN", ("ARN", "GOV") for "ARNGOV", (None, "IGO") for "IGOEEU"."""
    code = code.strip().upper()
    head, rest = code[:3], code[3:6]
    if head in STATELESS:
        return None, head
    if head in CAMEO_SECTORS:  # an agent-only code ("GOV")
        return None, head
    return (head or None), (rest if rest in CAMEO_SECTORS else None)


def _pet_codes(block: str) -> list[tuple[str, str | None, str | None]]:
    """``[CODE]``, ``[CODE <950601]``, ``[CODE 19950601-19990815]`` -> (code, from, to)."""
    out = []
    for inner in _PET_CODE.findall(block):
        parts = inner.strip().split(None, 1)
        if not parts:
            continue
        code = parts[0].split("/", 1)[0].strip().upper()
        start = end = None
        if len(parts) > 1:
            when = _PET_DATE.match(parts[1].replace(" ", ""))
            if when is None:
                continue  # a malformed date block: PETRARCH ignores it too
            sign, first, second = when.groups()
            if sign == "<":
                end = _pet_day(first)
            elif sign == ">" or second is None:
                start = _pet_day(first)
            else:
                start, end = _pet_day(first), _pet_day(second)
        if not code or not code.isalnum():
            continue  # "---" / "+++": an actor PETRARCH does not code
        out.append((code, start, end))
    return out


def load_petrarch_actors(kb: KnowledgeBase, path: str | Path) -> None:
    """Add a PETRARCH actors dictionary (``NAME [CODE]``, ``+ALIAS`` lines, dated code blocks)
    or agents dictionary (``TITLE {PLURALS} [~CODE]``) to ``kb``.

    Actors: names with ``_`` read as spaces; a code is a country code (three letters, not
    checked against ISO 3166: fictional countries are fine) possibly followed by a CAMEO sector
    ("ARNGOV" -> country ARN, sector GOV). A bare country code makes the name (and its aliases)
    a country name; every undated entry is also an organisation whose id is the code, so names
    NER misses are still found. Dated codes (``[HOBGOV 19950601-19990815]``) become dated roles
    of a person whose id is the code. Agents go to ``kb.titles`` (and plural agent nouns to
    ``kb.groups``) with the first three letters of their code as sector.
    """
    path = Path(path)
    text = path.read_text("utf-8", errors="replace")
    lines = list(_pet_lines(text))
    if any(re.search(r"\[\s*~|~\s*\]", ln) for ln in lines):
        _load_agents(kb, lines)
        return
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []

    def flush() -> None:
        if name is not None and codes:
            _add_petrarch_actor(kb, name, aliases, codes)

    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            codes.extend(_pet_codes(stripped))
            continue
        if stripped.startswith("+"):
            aliases.append(_pet_name(_PET_CODE.sub(" ", stripped[1:])))
            continue
        flush()
        name, aliases = _pet_name(_PET_CODE.split(stripped, 1)[0] if "[" in stripped
                                  else stripped), []
        codes = _pet_codes(stripped)
    flush()


def _add_petrarch_actor(kb: KnowledgeBase, name: str,
                        aliases: list[str], codes: list[tuple[str, str | None, str | None]]
                        ) -> None:
    undated = [c for c, start, end in codes if start is None and end is None]
    dated = [(c, start, end) for c, start, end in codes if start is not None or end is not None]
    if dated:
        for code, start, end in [*dated, *((c, None, None) for c in undated[:1])]:
            country, sector = split_petrarch_code(code)
            kb.add_person(Entry(id=code, name=name, country=country, sector=sector,
                                kind="person", valid_from=start, valid_to=end), aliases)
        return
    code = undated[0]
    country, sector = split_petrarch_code(code)
    if country is not None and sector is None and len(code) == 3:
        kb.country_names.setdefault(code, name)
        for alias in (name, *aliases):
            kb._alias(kb.countries, alias, code)
            if len(alias) == 4 and alias.isalpha():
                kb.countries[norm(alias)] = code  # "IRAN" is a word, not only an acronym
    kb.add_org(Entry(id=code, name=name, country=country, sector=sector,
                     kind="country" if len(code) == 3 and sector is None else "org"), aliases)


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _load_agents(kb: KnowledgeBase, lines: list[str]) -> None:
    macros: dict[str, list[str]] = {}
    for line in lines:
        found = re.match(r"^\s*(![A-Za-z]+!)\s*=\s*(.+)$", line)
        if found:
            macros[found.group(1).upper()] = [w.strip() for w in found.group(2).split(",")
                                              if w.strip()]
            continue
        code_at = line.find("[")
        if code_at < 0:
            continue
        head, block = line[:code_at], line[code_at:]
        code = block.strip("[] \t").split("]", 1)[0].replace(" ", "").upper()
        sector = code.replace("~", "")[:3]
        if not sector.isalpha():
            continue
        brace = re.search(r"\{([^}]*)\}", head)
        title = re.sub(r"\{[^}]*\}", "", head).strip()
        plurals = brace.group(1).split() if brace else None
        for form in _expand(title, macros):
            name = _pet_name(form)
            kb.titles[norm(name)] = (sector, name)
            many = [_pet_name(p) for f in (plurals or []) for p in _expand(f, macros)] \
                if plurals is not None else [_plural(name)]
            for plural in many:
                kb.titles.setdefault(norm(plural), (sector, name))
                if " " not in plural:
                    kb.groups[norm(plural)] = sector


def _expand(text: str, macros: dict[str, list[str]]) -> list[str]:
    """``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN, ... (PETRARCH substitution sets)."""
    found = re.search(r"![A-Za-z]+!", text)
    if found is None:
        return [text]
    options = macros.get(found.group(0).upper(), [])
    return [x for opt in options
            for x in _expand(text[:found.start()] + opt + text[found.end():], macros)]
