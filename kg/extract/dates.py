"""Resolve date expressions ('on Wednesday', 'the 13th', 'June 16', '12 January') against the
article date, preferring past or future dates by the tense of the sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAYS = r"(?P<days>\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:,|and|-|–)\s*\d{1,2}(?:st|nd|rd|th)?)*)"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
PATTERNS = [
    re.compile(r"\b" + _MON + r"\s+" + _DAYS + r"\b" + _YEAR, re.I),
    re.compile(r"\b" + _DAYS + r"\s+(?:of\s+)?" + _MON + r"\b" + _YEAR, re.I),
    re.compile(r"\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b"),
    re.compile(
        r"\b(?:(?P<dir>next|last) )?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        re.I,
    ),
    re.compile(r"\bthe\s+(?P<ord>\d{1,2})(?:st|nd|rd|th)\b", re.I),
    re.compile(r"\b(?P<rel>today|tomorrow|yesterday|tonight)\b", re.I),
    re.compile(
        r"\b(?P<ago>an?|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>minute|hour|day)s?\s+ago\b",
        re.I,
    ),
    # 'their talks in Moscow a day earlier': counted from the day the sentence names before it
    re.compile(
        r"\b(?P<shift>an?|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<way>earlier|later)\b", re.I
    ),
]
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
FUTURE_WORDS = {
    "will",
    "shall",
    "'ll",
    "schedule",
    "slate",
    "due",
    "upcoming",
    "next",
    "plan",
    "expect",
    "forthcoming",
    "set",
    "going",
    "slated",
    "scheduled",
}
PAST, FUTURE, UNKNOWN = -1, 1, 0


@dataclass(frozen=True)
class DateMention:
    start: int  # character offset in the document
    end: int
    value: date | None
    month_day: tuple[int, int] | None


def tense(sent: Span, at: int | None = None) -> int:
    """FUTURE if the clause (of the token at char ``at``, else the sentence) talks about what will
    happen, PAST if its verbs are past, else UNKNOWN."""
    if at is not None:
        tok = next((t for t in sent if t.idx >= at), None)
        verb = next(
            (a for a in ([tok, *tok.ancestors] if tok is not None else []) if a.pos_ in {"VERB", "AUX"}), None
        )
        if verb is not None:
            local = [verb, *verb.children]
            words = {t.lemma_.lower() for t in local} | {t.lower_ for t in local}
            if words & (FUTURE_WORDS | {"would"}):
                return FUTURE
            if verb.tag_ in {"VBD", "VBN"}:
                return PAST
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & FUTURE_WORDS:
        return FUTURE
    if any(t.tag_ in {"VBD", "VBN"} for t in sent):
        return PAST
    return UNKNOWN


def _pick(cands: list[date], ref: date, t: int) -> date:
    if t == FUTURE:
        later = [c for c in cands if c >= ref]
        return min(later) if later else max(cands)
    if t == PAST:
        soon = [c for c in cands if ref < c <= ref + timedelta(days=30)]
        earlier = [c for c in cands if c <= ref]
        if soon:  # 'called a meeting for January 12': an announcement of a date just ahead
            return min(soon)
        return max(earlier) if earlier else min(cands)
    return min(cands, key=lambda c: abs((c - ref).days))


def _month_day(
    month: int, day: int, year: int | None, ref: date | None, t: int
) -> tuple[date | None, tuple[int, int] | None]:
    try:
        if year:
            return date(year, month, day), (month, day)
        if ref is None:
            date(2000, month, day)
            return None, (month, day)
        cands = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                cands.append(date(y, month, day))
            except ValueError:
                pass
        return (_pick(cands, ref, t) if cands else None), (month, day)
    except ValueError:
        return None, None


def find_dates(sent: Span, ref: date | None) -> list[DateMention]:
    """Every date expression in the sentence, resolved where the article date allows."""
    text, base = sent.text, sent.start_char
    out: list[DateMention] = []
    shifts: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pat in PATTERNS:
        for m in pat.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            g = m.groupdict()
            t = tense(sent, base + a)
            if g.get("mon"):
                month = MONTHS[g["mon"].lower().rstrip(".")]
                year = int(g["year"]) if g.get("year") else None
                days = [int(d) for d in re.findall(r"\d{1,2}", g["days"])]
                for d in days:
                    value, md = _month_day(month, d, year, ref, t)
                    if md:
                        out.append(DateMention(base + a, base + b, value, md))
            elif g.get("iso"):
                try:
                    v = date.fromisoformat(g["iso"])
                    out.append(DateMention(base + a, base + b, v, (v.month, v.day)))
                except ValueError:
                    pass
            elif g.get("wd") and ref is not None:
                wd = WEEKDAYS[g["wd"].lower()]
                delta = (wd - ref.weekday()) % 7
                way = (g.get("dir") or "").lower()
                if way == "next":  # 'next Friday': the coming one, never the article's own day
                    v = ref + timedelta(days=delta or 7)
                elif way == "last":
                    v = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
                elif t == FUTURE:
                    v = ref + timedelta(days=delta or 7) if delta else ref
                else:
                    v = ref - timedelta(days=(ref.weekday() - wd) % 7)
                out.append(DateMention(base + a, base + b, v, (v.month, v.day)))
            elif g.get("ord") and ref is not None:
                day = int(g["ord"])
                cands = []
                for k in (-1, 0, 1):
                    y, mth = ref.year + (ref.month + k - 1) // 12, (ref.month + k - 1) % 12 + 1
                    try:
                        cands.append(date(y, mth, day))
                    except ValueError:
                        pass
                if cands:
                    v = _pick(cands, ref, t)
                    out.append(DateMention(base + a, base + b, v, (v.month, v.day)))
            elif g.get("rel") and ref is not None:
                shift = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[g["rel"].lower()]
                v = ref + timedelta(days=shift)
                out.append(DateMention(base + a, base + b, v, (v.month, v.day)))
            elif g.get("ago") and ref is not None:  # 'half an hour ago': the article's day
                n = _COUNTS.get(g["ago"].lower()) or int(g["ago"])
                v = ref - timedelta(days=n if g["unit"].lower() == "day" else 0)
                out.append(DateMention(base + a, base + b, v, (v.month, v.day)))
            elif g.get("shift") and ref is not None:
                n = _COUNTS.get(g["shift"].lower()) or int(g["shift"])
                shifts.append((base + a, base + b, n if g["way"].lower() == "later" else -n))
    out.sort(key=lambda d: d.start)
    for a, b, n in shifts:
        before = [d.value for d in out if d.start < a and d.value is not None]
        v = (before[-1] if before else ref) + timedelta(days=n)
        out.append(DateMention(a, b, v, (v.month, v.day)))
    return sorted(out, key=lambda d: d.start)
