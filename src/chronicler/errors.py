"""Coded errors and warnings. Every message names the input and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


class ChroniclerError(Exception):
    """Base class of chronicler's errors; ``code`` is stable, the message is for people."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class UsageError(ChroniclerError):
    code = "E001"


class InputError(ChroniclerError):
    """One input (file, JSONL line, WARC record) could not be read; the batch goes on."""

    code = "E010"


class ModelMissingError(ChroniclerError):
    code = "E020"


class StoreInUseError(UsageError):
    """Another process holds the store's write lock (DuckDB allows one writer per file)."""

    code = "E030"


class StoreCorruptError(UsageError):
    """The store file is not a DuckDB database (wrong path, truncated or overwritten)."""

    code = "E031"


class StoreWriteError(ChroniclerError):
    """Writing to the store failed mid-run (disk full, file too large, I/O error); what was
    committed before is kept and the next ``ingest`` resumes from it."""

    code = "E034"


class QueryRefusedError(UsageError):
    """``chronicler query`` runs one read-only SELECT on the store and touches nothing else."""

    code = "E032"


class QueryError(UsageError):
    """The SELECT was allowed but DuckDB could not run it (syntax, unknown column ...)."""

    code = "E033"


# Codes of the problems ingest reports (kept here so they are listed in one place).
E_NOT_FOUND = "E011"
E_BINARY = "E012"
E_TOO_LARGE = "E013"
E_EMPTY = "E014"
E_BAD_JSON = "E015"
E_BAD_RECORD = "E016"
E_BAD_ENCODING = "E017"
E_BAD_ARCHIVE = "E018"
E_UNSUPPORTED = "E019"
E_STAGE_FAILED = "E022"  # chronicler's NLP stages raised on one article: empty NLP parts
E_POISONED = "E040"  # the pipeline failed on an article (an exception, or its worker died)
E_RAY_MISSING = "E041"  # --engine ray without the scale extra
W_LANGUAGE = "W101"
W_NO_TEXT = "W102"
# Warnings about an article that was read and kept (exit code stays 0).
W_REPLACED = "W103"  # undecodable bytes replaced with U+FFFD
W_NUL = "W104"  # NUL bytes removed
W_ENCODING = "W105"  # an encoding recognised without a byte-order mark (UTF-16)
W_DUPLICATE_ID = "W106"  # a JSONL id used twice in one file
W_BOTH_FIELDS = "W107"  # a JSONL object with both 'text' and 'html': 'text' is used


@dataclass(frozen=True)
class Problem:
    """An input that was skipped: where it was, the code, and the message (with the fix)."""

    origin: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.origin}: {self.message}"
