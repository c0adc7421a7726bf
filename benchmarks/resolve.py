"""Print how long merging meeting mentions takes as their number doubles (synthetic mentions).

python benchmarks/resolve.py
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from kg.model import ActorRef, Evidence, MeetingMention
from kg.resolve import merge_meetings
from kg.vocab import load_vocabulary

PLACES = ["geneva", "brussels", "vienna", "moscow", "paris", None]
PARTIES = [ActorRef("russia", "Russia", "state"), ActorRef("usa", "United States", "state")]


def mentions(n: int, seed: int = 3) -> list[MeetingMention]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(365))
        dated = rng.random() < 0.8
        out.append(
            MeetingMention(
                doc_id=f"d{i}",
                kind="talk",
                evidence=Evidence(f"d{i}", 0, 10, "talks held"),
                place=rng.choice(PLACES),
                date=day if dated else None,
                month_day=(day.month, day.day) if dated or rng.random() < 0.5 else None,
                participants=tuple(PARTIES),
                reported=day + timedelta(days=1),
            )
        )
    return out


def main() -> None:
    vocab = load_vocabulary()
    for n in (2000, 4000, 8000, 16000):
        ms = mentions(n)
        t = time.perf_counter()
        merged = merge_meetings(ms, vocab)
        print(f"{n:6d} mentions -> {len(merged):5d} meetings in {time.perf_counter() - t:6.2f} s")


if __name__ == "__main__":
    main()
