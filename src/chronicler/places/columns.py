"""The gazetteer's big tables as flat arrays instead of Python objects.

Ingest forks its workers from a process that has loaded the gazetteer. Pages of Python objects
(a dict of 670,000 name keys, lists of 280,000 floats) do not stay shared after a fork: every
lookup writes the reference counts of the objects it touches, the kernel copies those pages
into the worker, and over a long stream each worker ends up with its own copy of most of the
index (about 200 MB each). Numpy buffers hold no reference counts, so their pages stay shared
for the whole run; as flat arrays the same tables also take a tenth of the memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import numpy as np


def alias_hash(name_key: str) -> int:
    """A stable 64-bit hash of a lookup key (the same in every process and Python version,
    unlike ``hash``). Distinct keys of the index are checked to hash apart when it is built."""
    return int.from_bytes(hashlib.blake2b(name_key.encode("utf-8"), digest_size=8).digest(),
                          "little")


def pack_index(index: Mapping[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    """key -> postings, as sorted key hashes, posting offsets and one array of postings."""
    keys = list(index)
    hashes = np.fromiter((alias_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
    order = np.argsort(hashes, kind="stable")
    hashes = hashes[order]
    if len(hashes) > 1 and bool((hashes[1:] == hashes[:-1]).any()):
        at = int(np.flatnonzero(hashes[1:] == hashes[:-1])[0])
        clash = sorted(k for k in keys if alias_hash(k) == int(hashes[at]))
        raise ValueError(f"gazetteer keys {clash} share a 64-bit hash; change alias_hash")
    lengths = np.fromiter((len(index[keys[i]]) for i in order), dtype=np.int64,
                          count=len(keys))
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    posts = np.fromiter((p for i in order for p in index[keys[i]]), dtype=np.int32,
                        count=int(offsets[-1]))
    return {"key_hash": hashes, "post_offset": offsets, "posts": posts}


class AliasIndex:
    """Read-only ``key -> tuple of postings`` over :func:`pack_index`'s arrays."""

    def __init__(self, packed: Mapping[str, np.ndarray]) -> None:
        self._hashes = packed["key_hash"]
        self._offsets = packed["post_offset"]
        self._posts = packed["posts"]

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, name_key: str, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        h = np.uint64(alias_hash(name_key))
        i = int(np.searchsorted(self._hashes, h))
        if i == len(self._hashes) or self._hashes[i] != h:
            return default
        return tuple(self._posts[self._offsets[i]:self._offsets[i + 1]].tolist())


def pack_names(names: Iterable[str]) -> dict[str, object]:
    """Names as one string and the offset of each name in it."""
    names = list(names)
    offsets = np.zeros(len(names) + 1, dtype=np.int64)
    np.cumsum([len(n) for n in names], out=offsets[1:])
    return {"names": "".join(names), "name_offset": offsets}


class NameColumn:
    """``names[i]`` over :func:`pack_names`'s form, with room to append a few more names."""

    def __init__(self, packed: Mapping[str, object]) -> None:
        self._text: str = packed["names"]  # type: ignore[assignment]
        self._offsets: np.ndarray = packed["name_offset"]  # type: ignore[assignment]
        self._base = len(self._offsets) - 1
        self._more: list[str] = []

    def __len__(self) -> int:
        return self._base + len(self._more)

    def __getitem__(self, i: int) -> str:
        if i >= self._base:
            return self._more[i - self._base]
        return self._text[int(self._offsets[i]):int(self._offsets[i + 1])]

    def append(self, name: str) -> None:
        self._more.append(name)
