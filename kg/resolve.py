"""Stage 4: resolve across documents: one node per actor, meeting mentions merged into meetings."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import date

from kg.iri import loses_letters
from kg.model import PERSON, ActorRef, Claim, Corpus, Extraction, Meeting, MeetingMention
from kg.vocab import Vocabulary

SAME_SESSION_DAYS = 3


def name_key(label: str) -> str:
    """A spelling-insensitive key for a person's name: 'Dmitri Peskov' and 'Dmitry Peskov' agree.

    Folds the usual variants of transliterated names (y/i, ks/x, kh/h, doubled letters, -ey/-ei).
    A name in another script is kept as it is (lower-cased), never folded to nothing."""
    if loses_letters(label):
        return unicodedata.normalize("NFKC", label).lower().strip()
    low = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    low = re.sub(r"[^a-z ]", "", low)
    for a, b in (
        ("kh", "h"),
        ("ks", "x"),
        ("ander", "andr"),
        ("yy", "y"),
        ("iy", "i"),
        ("ey", "ei"),
        ("y", "i"),
        ("j", "i"),
    ):
        low = low.replace(a, b)
    return re.sub(r"(.)\1", r"\1", low)


def _merge_actors(extractions: list[Extraction], vocab: Vocabulary) -> dict[str, ActorRef]:
    """One ActorRef per key. An unknown person spelled differently in two articles ('Dmitri' and
    'Dmitry') is one node; a surname-only mention joins the one full name that ends with it."""
    actors: dict[str, ActorRef] = {}
    for x in extractions:
        for a in x.actors:
            prev = actors.get(a.key)
            if prev is None or (prev.party is None and a.party is not None):
                actors[a.key] = a
    by_spelling: dict[str, ActorRef] = {}
    for key, ref in sorted(actors.items()):
        if ref.kind == PERSON and not ref.known and " " in ref.label:
            first = by_spelling.setdefault(name_key(ref.label), ref)
            if first is not ref:
                actors[key] = first if first.party or not ref.party else ref
    for key, ref in sorted(actors.items()):
        if ref.kind == PERSON and not ref.known and " " not in ref.label:
            surname = name_key(ref.label)
            full = {
                r.key: r
                for r in actors.values()
                if r.kind == PERSON
                and r.key != key
                and " " in r.label
                and name_key(r.label.split()[-1]) == surname
            }
            if len(full) == 1:
                actors[key] = next(iter(full.values()))
    for ref in list(actors.values()):  # parties must exist as nodes
        if ref.party and ref.party not in actors and ref.party in vocab.actors:
            actors[ref.party] = vocab.actors[ref.party].ref
    return actors


def _cluster(mentions: list[MeetingMention]) -> list[list[MeetingMention]]:
    """Group dated mentions of one forum (or kind and place) whose dates lie within a few days."""
    out: list[list[MeetingMention]] = []
    for m in sorted(mentions, key=lambda m: (m.date or date.max, m.doc_id, m.evidence.start)):
        for group in out:
            dated = [g.date for g in group if g.date]
            if m.date and dated and abs((m.date - dated[0]).days) <= SAME_SESSION_DAYS:
                group.append(m)
                break
        else:
            out.append([m])
    return out


def merge_meetings(mentions: list[MeetingMention], vocab: Vocabulary) -> list[Meeting]:
    """Merge meeting mentions across articles on (forum, date) or (place, date).

    Mentions of a forum within a few days of each other are one session; its date is the one most
    sources give, the others are kept as disputed dates. Mentions without a year match a session on
    month and day; mentions without a date join the only session of their forum or place.
    """
    by_forum: dict[str, list[MeetingMention]] = {}
    other: list[MeetingMention] = []
    for m in mentions:
        (by_forum.setdefault(m.forum, []) if m.forum else other).append(m)
    groups: list[list[MeetingMention]] = []
    for forum, ms in sorted(by_forum.items()):
        groups += _cluster([m for m in ms if m.date])
        rest = [m for m in ms if not m.date]
        for m in rest:
            target = _match(groups, m, lambda g, f=forum: g[0].forum == f)
            if target is not None:
                target.append(m)
    # Blocking: candidate sessions are looked up by date (and by month-day and place) instead of
    # scanning every group for every mention; a group's date does not change once formed, since
    # only mentions of that date join it below.
    by_date: dict[date, list[list[MeetingMention]]] = {}
    for g in groups:
        when = _date_of(g)
        if when is not None:
            by_date.setdefault(when, []).append(g)
    pending = [m for m in other if m.date and m.place]
    for m in sorted(pending, key=lambda m: (m.date, m.doc_id, m.evidence.start)):
        same_day = by_date.get(m.date, [])
        target = next((g for g in same_day if _place_of(g, vocab) in {m.place, None}), None)
        if target is None:
            target = next(
                (g for g in same_day if g[0].forum is None and _place_of(g, vocab) == m.place), None
            )
        if target is None:
            groups.append([m])
            by_date.setdefault(m.date, []).append(groups[-1])
        else:
            target.append(m)
    by_day: dict[tuple[int, int], list[list[MeetingMention]]] = {}
    by_place: dict[str, list[list[MeetingMention]]] = {}
    for g in groups:
        when, where = _date_of(g), _place_of(g, vocab)
        if when is not None:
            by_day.setdefault((when.month, when.day), []).append(g)
        if where is not None:
            by_place.setdefault(where, []).append(g)
    for m in other:
        if m.date and m.place:
            continue
        if m.date:
            cands = list(by_date.get(m.date, []))
        elif m.month_day:
            cands = [
                g for g in by_day.get(m.month_day, []) if m.place is None or _place_of(g, vocab) == m.place
            ]
        else:
            cands = list(by_place.get(m.place, [])) if m.place is not None else []
            if len(cands) > 1 and m.reported is not None:
                # 'after the day-long meeting in Geneva': the latest one there by the article's date
                recent = [g for g in cands if 0 <= (m.reported - _date_of(g)).days <= SAME_SESSION_DAYS]
                cands = sorted(recent, key=_date_of)[-1:]
        if len(cands) == 1:
            cands[0].append(m)
    meetings = []
    for g in groups:
        when = _date_of(g)
        if when is None:
            continue
        forum = g[0].forum
        place = _place_of(g, vocab)
        kinds = Counter(m.kind for m in g if m.forum is None)
        kind = "council" if forum else (kinds.most_common(1)[0][0] if kinds else "meeting")
        parts: dict[str, ActorRef] = {}
        for m in g:
            for p in m.participants:
                parts.setdefault(p.key, p)
        stated = {m.date for m in g if m.date}
        evidence = sorted({_stated(m) for m in g}, key=lambda e: (e.doc_id, e.start))
        key = f"{forum or kind}|{place or '-'}|{when.isoformat()}"
        meetings.append(
            Meeting(
                key=key,
                kind=kind,
                date=when,
                forum=forum,
                place=place,
                participants=sorted(parts.values(), key=lambda a: a.key),
                evidence=evidence,
                disputed_dates=sorted(stated - {when}),
            )
        )
    return sorted(meetings, key=lambda m: (m.date, m.key))


def _stated(m: MeetingMention):
    return replace(m.evidence, stated_date=m.date)


def _match(groups, m, pred):
    cands = [g for g in groups if pred(g)]
    if m.month_day:
        cands = [g for g in cands if _date_of(g) and (_date_of(g).month, _date_of(g).day) == m.month_day] or (
            cands if len(cands) == 1 else []
        )
    return cands[0] if len(cands) == 1 else None


def _date_of(group: list[MeetingMention]) -> date | None:
    dates = Counter(m.date for m in group if m.date)
    if not dates:
        return None
    return sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _place_of(group: list[MeetingMention], vocab: Vocabulary) -> str | None:
    places = Counter(m.place for m in group if m.place)
    if places:
        return sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    forum = group[0].forum
    return vocab.forums[forum].venue if forum and forum in vocab.forums else None


def resolve(extractions: list[Extraction], vocab: Vocabulary) -> Corpus:
    """Combine per-document extractions into one :class:`Corpus`."""
    actors = _merge_actors(extractions, vocab)
    claims: list[Claim] = []
    for x in extractions:
        for c in x.claims:
            a = actors.get(c.actor.key, c.actor)
            claims.append(c if a == c.actor else replace(c, actor=a))
    mentions = [
        replace(
            m,
            participants=tuple(
                {actors.get(p.key, p).key: actors.get(p.key, p) for p in m.participants}.values()
            ),
        )
        for x in extractions
        for m in x.meetings
    ]
    meetings = merge_meetings(mentions, vocab)
    used = {c.actor.key: c.actor for c in claims}
    used.update({p.key: p for m in meetings for p in m.participants})
    for ref in list(used.values()):
        if ref.party and ref.party not in used and ref.party in actors:
            used[ref.party] = actors[ref.party]
    kept = sorted(used.values(), key=lambda a: a.key)
    return Corpus(documents=[x.document for x in extractions], actors=kept, claims=claims, meetings=meetings)
