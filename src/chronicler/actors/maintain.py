"""Keeping the actor knowledge base current: a user override folder that every run loads after
the packaged tables, ``update`` to check and install a file there, and ``explain`` to show how a
name resolves on a day and why."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import UsageError
from .kb import Entry, KnowledgeBase, load_user_file, norm

#: Environment variable naming the override folder; default below.
ENV_DIR = "CHRONICLER_ACTORS_DIR"
_SUFFIXES = (".csv", ".yaml", ".yml", ".txt")


def overrides_dir() -> Path:
    """The folder of installed override files (``$CHRONICLER_ACTORS_DIR`` or
    ``~/.local/share/chronicler/actors``)."""
    value = os.environ.get(ENV_DIR)
    if value:
        return Path(value)
    return Path.home() / ".local" / "share" / "chronicler" / "actors"


def override_files() -> list[Path]:
    """Installed override files in name order (later files override earlier ones)."""
    folder = overrides_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)


def update(path: str | Path, *, kb: KnowledgeBase) -> tuple[Path, int, int]:
    """Check ``path`` by loading it into ``kb``, then copy it into the override folder.
    Returns (installed path, people aliases added or changed, organisation aliases added)."""
    source = Path(path)
    if source.suffix.lower() not in _SUFFIXES:
        raise UsageError(f"actor file {source}: expected .csv, .yaml, .yml or a PETRARCH .txt "
                         "dictionary; see chronicler/data/actors/README.md")
    people_before = {k: list(v) for k, v in kb.people.items()}
    orgs_before = set(kb.orgs)
    load_user_file(kb, source)  # raises UsageError naming the row that is wrong
    changed = sum(1 for k, v in kb.people.items() if people_before.get(k) != v)
    folder = overrides_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / source.name
        shutil.copyfile(source, target)
    except OSError as exc:
        raise UsageError(f"cannot install {source} into {folder}: {exc.strerror}; set "
                         f"{ENV_DIR} to a writable folder") from exc
    return target, changed, len(set(kb.orgs) - orgs_before)


def _role(entry: Entry) -> str:
    span = f"{entry.valid_from or '…'} to {entry.valid_to or 'now'}"
    return (f"{entry.name} [{entry.id}] {entry.role or '-'}, country {entry.country or '-'}, "
            f"sector {entry.sector or '-'}, {span}")


def _explain_person(kb: KnowledgeBase, key: str, day: str | None) -> list[str]:
    roles = kb.people.get(key)
    lines: list[str] = []
    if roles is None and " " not in key:
        ids = kb.surnames.get(key, set())
        if len(ids) > 1:
            shared = ", ".join(sorted(ids))
            return [(f"surname '{key}' is shared by {shared}: ambiguous, not resolved without "
                    "a full name in the article")]
        if ids:
            lines.append(f"surname '{key}' of exactly one known person ({next(iter(ids))})")
    if not roles and not lines:
        return []
    entry = kb.person(key, day)
    assert entry is not None
    every = sorted({e for v in kb.people.values() for e in v if e.id == entry.id},
                   key=lambda e: e.valid_from or "")
    lines.append(f"person with {len(every)} role(s):")
    lines += [f"  {'*' if e == entry else ' '} {_role(e)}" for e in every]
    if day is None:
        lines.append("no --date: the first listed role valid on any day is used")
    elif entry.valid_on(day):
        lines.append(f"on {day}: {entry.role or 'role'} (the first row valid that day)")
    else:
        lines.append(f"on {day} no role is valid: the latest role is used")
    return lines


def explain(kb: KnowledgeBase, name: str, *, day: str | None = None) -> list[str]:
    """Lines telling how ``name`` resolves against ``kb`` on ``day`` and why."""
    key = norm(name)
    lines = _explain_person(kb, key, day)
    org = kb.org(name)
    if org is not None:
        lines.append(f"organisation: {org.name} [{org.id}], country {org.country or '-'}, "
                     f"sector {org.sector or '-'}, kind {org.kind}")
    iso3 = kb.country(name)
    if iso3 is not None:
        lines.append(f"country: {iso3} ({kb.country_names.get(iso3, iso3)})")
    if key.removeprefix("the ") in kb.titles:
        sector, role = kb.titles[key.removeprefix("the ")]
        lines.append(f"title: role {role}, sector {sector}; resolved to a person only through "
                     "the article (a named holder nearby)")
    if key in kb.groups:
        lines.append(f"group noun: sector {kb.groups[key]}; the country comes from the mention")
    if not lines:
        lines.append(f"'{name}' is not in the knowledge base; add it with `chronicler actors "
                     "update FILE` (see chronicler/data/actors/README.md)")
    return lines
