"""Write a synthetic corpus of short diplomatic articles (our own template sentences)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

SPEAKERS = [
    ("Sergei Ryabkov", "Russian Deputy Foreign Minister"),
    ("Wendy Sherman", "US Deputy Secretary of State"),
    ("Jens Stoltenberg", "NATO Secretary General"),
    ("Sergei Lavrov", "Russian Foreign Minister"),
    ("Antony Blinken", "US Secretary of State"),
    ("Maria Zakharova", "Russian Foreign Ministry spokeswoman"),
]
DEMANDS = [
    "legally binding security guarantees",
    "an end to NATO expansion",
    "no missiles near Russia's borders",
    "a pull-back of troops from the border",
    "NATO's return to its 1997 positions",
]
VERBS = ["demanded", "insisted on", "called for", "rejected", "pushed back on"]
PLACES = ["Geneva", "Brussels", "Vienna", "Stockholm", "Helsinki", "Oslo"]


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2022, 1, 3)
    paths = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(60))
        name, title = rng.choice(SPEAKERS)
        other, other_title = rng.choice(SPEAKERS)
        place = rng.choice(PLACES)
        lines = [
            f" date {day.isoformat()} Envoys meet in {place}",
            "",
            f"{title} {name} {rng.choice(VERBS)} {rng.choice(DEMANDS)} on {day.strftime('%A')}.",
            f'"We {rng.choice(["demand", "reject", "seek"])} {rng.choice(DEMANDS)}," {other} told reporters.',
            f"{title.split()[0]} and NATO diplomats will hold talks in {place} on "
            f"{(day + timedelta(days=2)).strftime('%B')} {(day + timedelta(days=2)).day}.",
            f"The {other_title} said the alliance must never compromise on Ukraine's accession to NATO.",
        ]
        p = folder / f"s{i:05d}_synthetic.txt"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(p)
    return paths
