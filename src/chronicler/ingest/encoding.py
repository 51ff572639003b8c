"""Bytes -> text for scraped input, keeping the article whenever its words can be read.

- a byte-order mark (UTF-8/16/32) is obeyed;
- UTF-16 without a byte-order mark is recognised by its zero bytes on one side of each pair;
- a few NUL bytes in otherwise plain text are removed (with a warning), many mean binary data;
- UTF-8 with a few invalid bytes among real non-ASCII text keeps the valid text and puts
  U+FFFD where the bad bytes were (with a warning), instead of a charset guess that turns
  every "é" into mojibake; text with no valid UTF-8 sequence goes to charset detection.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import errors as E

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SNIFF = 8192
MAX_NUL_SHARE = 0.01  # NULs in more than 1% of the bytes: binary data, not damaged text
MAX_CONTROL_SHARE = 0.05
MAX_INVALID_SHARE = 0.05  # invalid UTF-8 bytes decoded as U+FFFD, at most 5% of the bytes


@dataclass(frozen=True)
class Decoded:
    """The text (None when unreadable), warnings ``(code, message)``, or the problem."""

    text: str | None
    warnings: tuple[tuple[str, str], ...] = ()
    problem: tuple[str, str] | None = None


def to_text(data: bytes) -> Decoded:
    warnings: list[tuple[str, str]] = []
    wide = _bom(data) or _utf16_without_bom(data)
    if wide is not None:
        encoding, skip, noted = wide
        text = data[skip:].decode(encoding, errors="replace")
        if noted:
            warnings.append((E.W_ENCODING, (f"read as {encoding.upper()} without a byte-order "
                             "mark")))
        if "\ufffd" in text and encoding != "utf-8":
            warnings.append((E.W_REPLACED, (f"{text.count(chr(0xFFFD)):,} undecodable "
                             f"{encoding.upper()} unit(s) replaced with U+FFFD")))
        if encoding != "utf-8":
            data = text.encode("utf-8")
        else:
            data = data[skip:]
    nuls = data.count(0)
    if nuls:
        if nuls > len(data) * MAX_NUL_SHARE:
            return Decoded(None, problem=(E.E_BINARY, ("binary data (NUL bytes), not "
                                          "text/HTML/JSONL/WARC; remove it from the input or "
                                          "convert it to text")))
        data = data.replace(b"\x00", b"")
        warnings.append((E.W_NUL, f"{nuls:,} NUL byte(s) removed"))
    if _control_heavy(data):
        return Decoded(None, problem=(E.E_BINARY, ("binary data, not text/HTML/JSONL/WARC; "
                                      "remove it from the input or convert it to text")))
    try:
        return Decoded(data.decode("utf-8"), tuple(warnings))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid_wide = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if valid_wide > 0 and bad <= len(data) * MAX_INVALID_SHARE:
        warnings.append((E.W_REPLACED, (f"{bad:,} invalid UTF-8 byte sequence(s) replaced "
                         "with U+FFFD; the rest is kept")))
        return Decoded(text, tuple(warnings))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return Decoded(str(best), tuple(warnings))
    if bad <= len(data) * MAX_INVALID_SHARE:
        warnings.append((E.W_REPLACED, (f"{bad:,} invalid UTF-8 byte sequence(s) replaced "
                         "with U+FFFD")))
        return Decoded(text, tuple(warnings))
    return Decoded(None, problem=(E.E_BAD_ENCODING, ("the text encoding could not be detected;"
                                  " save the file as UTF-8")))


def decode(data: bytes) -> str | None:
    """The text of ``data`` or None (the warnings are dropped)."""
    return to_text(data).text


def _bom(data: bytes) -> tuple[str, int, bool] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark), False
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, int, bool] | None:
    """UTF-16 of mostly Latin text has a zero byte in most pairs, always on the same side."""
    head = data[:_SNIFF]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    if odd > pairs * 0.3 and even < pairs * 0.02:
        return "utf-16-le", 0, True
    if even > pairs * 0.3 and odd < pairs * 0.02:
        return "utf-16-be", 0, True
    return None


def _control_heavy(data: bytes) -> bool:
    head = data[:_SNIFF]
    # Control bytes other than tab/newline/CR/form-feed/ESC are rare in any text encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * MAX_CONTROL_SHARE
