"""The actor knowledge base: countries, capitals, organisations, people with dated roles,
titles and group nouns. Knowledge lives in CSV files (``chronicler/data/actors``); users add or
override entries with their own CSV or YAML files (see docs in that folder's README)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

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
    orgs: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, list[Entry]] = field(default_factory=dict)  # alias -> roles over time
    surnames: dict[str, set[str]] = field(default_factory=dict)   # "putin" -> {"vladimir-putin"}
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # "foreign minister" -> (GOV, role)
    groups: dict[str, str] = field(default_factory=dict)          # "forces" -> MIL

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
                roles = [e for v in self.people.values() for e in v if e.id in ids]
        if not roles:
            return None
        valid = [e for e in roles if e.valid_on(day)]
        if valid:
            return valid[0]  # rows in file order: the first valid row is the primary role
        return max(roles, key=lambda e: (e.valid_from or "", e.valid_to or "9999"))

    def org(self, name: str) -> Entry | None:
        if name in self.exact and self.exact[name] in {e.id for e in self.orgs.values()}:
            return next(e for e in self.orgs.values() if e.id == self.exact[name])
        key = norm(name)
        key = key.removeprefix("the ")
        return self.orgs.get(key)

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
        for alias in (entry.name, *aliases):
            alias = alias.strip()
            if not alias:
                continue
            if len(alias) <= 5 and alias.replace(".", "").isupper():
                self.exact[alias] = entry.id
            self.orgs[norm(alias)] = entry

    def add_person(self, entry: Entry, aliases: Iterable[str]) -> None:
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


def load_kb(user_files: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base plus the user's files (later entries override earlier)."""
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
    for path in user_files:
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
    columns of people.csv / organizations.csv."""
    if not path.is_file():
        raise UsageError(f"actor dictionary {path} does not exist; check the --actors path")
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
