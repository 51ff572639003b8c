"""The gazetteer's flat tables answer exactly as the dict and list they replace."""

from __future__ import annotations

import numpy as np

from chronicler.places.columns import AliasIndex, NameColumn, alias_hash, pack_index, pack_names


def test_alias_index_answers_as_the_dict() -> None:
    index = {"paris": (10, 41), "damascus": (6,), "saint louis": (8, 3, 99), "": (1,)}
    packed = pack_index(index)
    assert packed["key_hash"].dtype == np.uint64 and packed["posts"].dtype == np.int32
    flat = AliasIndex(packed)
    assert len(flat) == len(index)
    for k, posts in index.items():
        assert flat.get(k) == posts
    assert flat.get("aleppo") == ()
    assert flat.get("aleppo", (7,)) == (7,)


def test_alias_hash_is_stable_across_processes() -> None:
    # blake2b, not Python's salted hash(): a cached index stays valid in every process
    assert alias_hash("damascus") == alias_hash("damascus")
    assert alias_hash("damascus") != alias_hash("damascus ")
    assert alias_hash("kyiv") == int.from_bytes(
        __import__("hashlib").blake2b(b"kyiv", digest_size=8).digest(), "little")


def test_name_column_indexes_and_appends() -> None:
    names = ["Paris", "", "Dūmā", "São Paulo", "𝔸 plane-one name"]
    column = NameColumn(pack_names(names))
    assert [column[i] for i in range(len(names))] == names
    column.append("Syria")
    assert len(column) == len(names) + 1 and column[len(names)] == "Syria"
