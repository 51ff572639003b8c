"""Running the one Pipeline at scale.

The local engine is ``Pipeline.run`` (forked worker processes, chronicler/pipeline.py). The Ray
engine (``ray_runner``) runs the same Pipeline in Ray Data actors and writes Parquet shards of
records (``shards``) that the store then loads with its one writer. Ray is optional (the
``scale`` extra); nothing here imports it until a Ray run starts.
"""

from .shards import load_shards, read_shard_rows, record_from_dict, shard_schema

__all__ = ["load_shards", "read_shard_rows", "record_from_dict", "shard_schema"]
