"""Reading inputs (files, folders, JSONL, HTML, WARC, stdin) into clean Articles."""

from .readers import DEFAULT_MAX_BYTES, IngestConfig, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "IngestConfig", "read_inputs"]
