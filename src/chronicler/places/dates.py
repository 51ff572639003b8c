"""Dates of events: date expressions resolved against the article's date.

Conventions (news usage; the reference is the published date):

* a weekday ("on Wednesday", "last Wednesday") is the most recent such day on or before the
  reference; "next Wednesday" is the first one after it;
* "last week" / "last month" / "last year" is the reference minus one week / month / year
  (a point inside the period, as "a week ago"); "this week" etc. is the reference itself;
  "next week" the reference plus one week; "N days/weeks/months/years ago" counts back;
* a day without a year ("May 6") is the one of the years around the reference nearest to it;
  a month without a day ("in March 2011", "last March") is the first of that month, and a
  month without a year the latest one on or before the reference;
* a bare year, a decade or a vague span ("recent weeks") gives no date, only its text.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..nlp.text import doc_ents
from .clause import event_verb, evidence_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..types import Event

MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"))}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
     r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH_DAY = re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(?P<year>\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_M}(?:,?\s+(?:of\s+)?(?P<year>\d{{4}}))?\b")
_AGO = re.compile(r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b")
_RELATIVE = re.compile(r"\b(?P<which>last|this|next|past|previous)\s+(?P<unit>week|month|year)\b")
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|this|next|past)\s+)?(?P<day>monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday)\b")
_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_date(text_or_span: str | Span, reference: str | None
                 ) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, the date's text or None) of a date expression."""
    text = text_or_span if isinstance(text_or_span, str) else text_or_span.text
    text = " ".join(text.split())
    if not text:
        return None, None
    ref = _parse_reference(reference)
    low = text.lower()
    for rule in (_absolute, _relative):
        day = rule(low, ref)
        if day is not None:
            return day.isoformat(), text
    return None, text


def _parse_reference(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        return None


def _absolute(low: str, ref: date | None) -> date | None:
    """Dates that name their month: ISO, "May 6, 2018", "6 May", "March 2011", "last March"."""
    m = _ISO.search(low)
    if m:
        return _safe(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _MONTH_DAY.search(low) or _DAY_MONTH.search(low)
    if m:
        month, day = _month(m["month"]), int(m["day"])
        if m["year"]:
            return _safe(int(m["year"]), month, day)
        return _nearest_year(month, day, ref)
    m = _MONTH_YEAR.search(low)
    if m and (m["year"] or ref is not None) and not _is_may_verb(low, m):
        month = _month(m["month"])
        if m["year"]:
            return date(int(m["year"]), month, 1)
        assert ref is not None
        year = ref.year if month <= ref.month else ref.year - 1
        return date(year, month, 1)
    return None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")[:3]]


def _is_may_verb(low: str, m: re.Match[str]) -> bool:
    """"may" alone is a verb far more often than the month."""
    return m["month"] == "may" and not m["year"] and not low.strip().startswith(("in may", "may"))


def _relative(low: str, ref: date | None) -> date | None:
    """Dates relative to the reference: "yesterday", "last week", "on Wednesday", "2 days ago"."""
    if ref is None:
        return None
    for word, delta in _DAYS.items():
        if re.search(rf"\b{word}\b", low):
            return ref + timedelta(days=delta)
    m = _AGO.search(low)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        return _shift(ref, m["unit"].rstrip("s"), -n)
    m = _RELATIVE.search(low)
    if m:
        sign = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[m["which"]]
        return _shift(ref, m["unit"], sign)
    m = _WEEKDAY.search(low)
    if m:
        back = (ref.weekday() - WEEKDAYS[m["day"]]) % 7
        if m["which"] == "next":
            return ref + timedelta(days=(7 - back) if back else 7)
        return ref - timedelta(days=back)
    return None


def _shift(ref: date, unit: str, n: int) -> date:
    if unit in ("day", "week"):
        return ref + timedelta(days=n * _UNITS[unit])
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(ref.month - 1 + months, 12)
    year, month = ref.year + y, m + 1
    for day in (ref.day, 30, 29, 28):
        result = _safe(year, month, day)
        if result is not None:
            return result
    return date(year, month, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: date | None) -> date | None:
    if ref is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1)
               if (d := _safe(y, month, day)) is not None]
    return min(options, key=lambda d: abs((d - ref).days)) if options else None


_NOUN_CLAUSES = ("relcl", "acl")


def _governs(ent: Span, verb: Token) -> bool:
    """False when the date belongs to a clause that describes a noun ("the province where the
    war began in 2011"), not to the event verb's clause or one above or below it."""
    head = ent.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.i == verb.i or head.dep_ not in _NOUN_CLAUSES


def date_event(event: Event, doc: Doc, reference: str | None) -> Event:
    """The event with the date of the DATE entity in its evidence sentence nearest its verb
    (an entity attached to the verb first); unchanged when the sentence has none."""
    sentences = evidence_sentences(event, doc)
    if not sentences:
        return event
    verb = event_verb(event, doc, sentences)
    lo, hi = sentences[0].start, sentences[-1].end
    ents = [e for e in doc_ents(doc) if e.label_ == "DATE" and lo <= e.start and e.end <= hi]
    if not ents:
        return event
    pivot = verb.i if verb is not None else lo
    if verb is not None:  # not a date of another clause: "(where it began in March 2011)"
        ents = [e for e in ents if _governs(e, verb)]
    ents.sort(key=lambda e: (e.root.head.i != pivot, min(abs(t.i - pivot) for t in e)))
    first_text = None
    for ent in ents:
        day, text = resolve_date(ent, reference)
        first_text = first_text or text
        if day is not None:
            return dataclasses.replace(event, date=day, date_text=text)
    return dataclasses.replace(event, date_text=first_text)
