#!/usr/bin/env python3
"""Chorus's stratified random draw ("sortition"), in plain Python that anyone can re-run.

This one file is the whole method. It uses only the Python standard library (3.10 or later),
and is published next to every draw with the anonymised pool, the quotas and the seed, so
anyone can check the panel::

    python3 redraw.py --pool pool.csv --quotas quotas.json --seed "4 11 23 38 45 49" \\
        --size 45 --reserves 10

It prints the SHA-256 of the pool file (compare it with the published one) and the result as
JSON: the pseudonymous ids of the people selected, in the order they were drawn, and the
reserve list, in order.

The method (a sequential, "legacy" stratified draw; it does not try to give every volunteer
an equal chance as the "leximin" methods do, it just meets the quotas at random):

1. The pool is read in the order of the file (sorted by pseudonymous id). Each volunteer has
   one category in each of the quota dimensions (place, age band, sex, ethnic group,
   disability); "prefer_not" is a category like any other.
2. The quotas give a minimum and a maximum per category. A category with no quota may be
   chosen freely (minimum 0, no maximum).
3. Attempt number ``k`` (0, 1, 2, ...) gets its own random generator, seeded with the
   SHA-256 of the text ``"<seed>|attempt|<k>"`` (UTF-8), read as a big-endian integer. Only
   ``random.random()`` is used, the one method Python promises to keep the same across
   versions; a choice among ``n`` people takes ``int(random() * n)``.
4. Within an attempt, people are added one at a time until the panel is full. A person may
   be added only if no category of theirs is at its maximum and, in every dimension, the
   places left after them can still fill every unmet minimum ("eligible").
   - If some category is below its minimum, the most constrained one is served first: the
     one with the fewest eligible people per place still needed (ties go to the dimension,
     then the category, listed first in the quotas file). One of its eligible people is
     chosen at random.
   - Otherwise, one of all the eligible people is chosen at random.
   If nobody is eligible, the attempt fails and the next one starts.
5. The first attempt that fills the panel is the result. After ``ATTEMPTS`` failed attempts
   the draw fails and says which minimums were left unmet.
6. The reserves are drawn afterwards, the same way, from the people not selected, with every
   quota scaled to the reserve list (minimum rounded down, maximum rounded up), seeded with
   ``"<seed>|reserves|<k>"``. Their order is the order in which they were drawn: the first
   reserve is offered a place first. If the scaled quotas cannot be met, the reserves are
   drawn with no quotas, which the result says.

Before drawing, :func:`check` looks for quotas no draw could meet (a minimum above the number
of volunteers in a group, minimums adding up to more than the panel, maximums adding up to
less) and names them.
"""

import argparse
import csv
import hashlib
import io
import json
import math
import random
import sys
from dataclasses import dataclass, field

VERSION = "1"
#: How many attempts a draw makes before it gives up.
ATTEMPTS = 100
#: The columns of the pool file, after ``id``.
DIMENSIONS = ("place", "age_band", "sex", "ethnic_group", "disability")


@dataclass(frozen=True)
class Problem:
    """A reason the quotas cannot be met. ``code`` names the kind; ``params`` fill the
    message (applications translate the message from the code and params)."""

    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        return MESSAGES[self.code].format(**self.params)


MESSAGES = {
    "pool_too_small": "The panel needs {size} people but only {pool} volunteers are in the pool.",
    "min_above_max": "{dimension} {category}: the minimum ({min}) is above the maximum ({max}).",
    "min_above_pool": "{dimension} {category} needs at least {min} but only {available} "
    "volunteers are in that group.",
    "mins_above_size": "{dimension} minimums add up to {total}, more than the panel of {size}.",
    "maxes_below_size": "The maximums for {dimension} add up to {total}, fewer than {size}.",
    "capped_below_size": "Within the maximums for {dimension}, only {total} volunteers can be "
    "chosen, fewer than {size}.",
    "unmet_minimum": "{dimension} {category}: {selected} chosen of the minimum {min}.",
}


class DrawFailed(Exception):
    """The draw could not meet the quotas; ``problems`` says why."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))


@dataclass(frozen=True)
class Result:
    """The panel (pseudonymous ids in the order drawn), the reserves in order, and how."""

    selected: list
    reserves: list
    attempt: int
    reserve_attempt: int | None

    def as_json(self):
        return {
            "algorithm_version": VERSION,
            "selected": list(self.selected),
            "reserves": list(self.reserves),
            "attempt": self.attempt,
            "reserve_attempt": self.reserve_attempt,
        }


# --- reading and writing the published files ---------------------------------------------


def read_pool(text):
    """The pool from CSV text: a list of ``(id, {dimension: category})`` in file order."""
    reader = csv.DictReader(io.StringIO(text))
    pool = []
    for row in reader:
        person_id = row.pop("id")
        pool.append((person_id, dict(row.items())))
    return pool


def write_pool(pool):
    """CSV text for ``pool`` (as :func:`read_pool` returns), with ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *DIMENSIONS])
    for person_id, categories in pool:
        writer.writerow([person_id, *(categories.get(name, "") for name in DIMENSIONS)])
    return out.getvalue()


def sha256_text(text):
    """The SHA-256 (hex) of ``text`` as UTF-8: what is published for the pool file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_quotas(text):
    """Quotas from JSON text: ``{dimension: {category: {"min": m, "max": n}}}``, in order.

    The file may hold them at its top level or under ``"quotas"``.
    """
    data = json.loads(text)
    quotas = data.get("quotas", data) if isinstance(data, dict) else {}
    return {
        dimension: {
            category: {"min": int(bounds["min"]), "max": int(bounds["max"])}
            for category, bounds in categories.items()
        }
        for dimension, categories in quotas.items()
    }


# --- checking the quotas -----------------------------------------------------------------


def pool_counts(pool, quotas):
    """How many volunteers are in each quota dimension's categories."""
    counts = {dimension: {} for dimension in quotas}
    for _id, categories in pool:
        for dimension in quotas:
            category = categories.get(dimension, "")
            counts[dimension][category] = counts[dimension].get(category, 0) + 1
    return counts


def check(pool, quotas, size):
    """The problems that stop any draw of ``size`` from ``pool`` meeting ``quotas``
    (an empty list when there are none)."""
    problems = []
    if size > len(pool):
        problems.append(Problem("pool_too_small", {"size": size, "pool": len(pool)}))
    counts = pool_counts(pool, quotas)
    for dimension, categories in quotas.items():
        for category, bounds in categories.items():
            where = {"dimension": dimension, "category": category}
            available = counts[dimension].get(category, 0)
            if bounds["min"] > bounds["max"]:
                problems.append(Problem("min_above_max", {**where, **bounds}))
            elif bounds["min"] > available:
                params = {**where, "min": bounds["min"], "available": available}
                problems.append(Problem("min_above_pool", params))
        total_min = sum(bounds["min"] for bounds in categories.values())
        if total_min > size:
            params = {"dimension": dimension, "total": total_min, "size": size}
            problems.append(Problem("mins_above_size", params))
        unlimited = [c for c in counts[dimension] if c not in categories]
        if not unlimited:
            total_max = sum(bounds["max"] for bounds in categories.values())
            if total_max < size:
                params = {"dimension": dimension, "total": total_max, "size": size}
                problems.append(Problem("maxes_below_size", params))
                continue
        capped = sum(
            min(categories[c]["max"], n) if c in categories else n
            for c, n in counts[dimension].items()
        )
        if capped < size <= len(pool):
            params = {"dimension": dimension, "total": capped, "size": size}
            problems.append(Problem("capped_below_size", params))
    return problems


# --- drawing -----------------------------------------------------------------------------


def generator(seed, stage, attempt):
    """The random generator of one attempt: seeded with SHA-256 of ``seed|stage|attempt``."""
    digest = hashlib.sha256(f"{seed}|{stage}|{attempt}".encode()).digest()
    return random.Random(int.from_bytes(digest, "big"))


def _pick(rng, people):
    """One of ``people`` at random, using only ``random()`` (stable across Pythons)."""
    return people[min(int(rng.random() * len(people)), len(people) - 1)]


def _attempt(pool, quotas, size, rng):
    """Fill a panel of ``size`` from ``pool`` (a list of ``(id, categories)``) once.

    Returns ``(ids in the order drawn, None)`` or ``(None, unmet)`` where ``unmet`` lists
    ``(dimension, category, selected, min)`` for the minimums left unmet.
    """
    counts = {d: dict.fromkeys(cats, 0) for d, cats in quotas.items()}
    left = list(pool)
    chosen = []
    while len(chosen) < size:
        slots_after = size - len(chosen) - 1
        need = {
            d: {c: b["min"] - counts[d][c] for c, b in cats.items() if counts[d][c] < b["min"]}
            for d, cats in quotas.items()
        }
        need_total = {d: sum(n.values()) for d, n in need.items()}

        def eligible(person, need=need, need_total=need_total, slots_after=slots_after):
            categories = person[1]
            for d, cats in quotas.items():
                c = categories.get(d, "")
                if c in cats and counts[d][c] >= cats[c]["max"]:
                    return False
                still = need_total[d] - (1 if c in need[d] else 0)
                if still > slots_after:
                    return False
            return True

        candidates = [person for person in left if eligible(person)]
        if not candidates:
            break
        groups = {}
        for person in candidates:
            for d, cats in need.items():
                c = person[1].get(d, "")
                if c in cats:
                    groups.setdefault((d, c), []).append(person)
        target = None
        best = None
        for d, cats in need.items():
            for c, n in cats.items():
                group = groups.get((d, c))
                if group and (best is None or len(group) / n < best):
                    best, target = len(group) / n, group
        person = _pick(rng, target if target is not None else candidates)
        chosen.append(person)
        left.remove(person)
        for d, cats in quotas.items():
            c = person[1].get(d, "")
            if c in cats:
                counts[d][c] += 1
    unmet = [
        (d, c, counts[d][c], b["min"])
        for d, cats in quotas.items()
        for c, b in cats.items()
        if counts[d][c] < b["min"]
    ]
    if len(chosen) < size or unmet:
        return None, unmet
    return [person[0] for person in chosen], None


def _scaled(quotas, size, reserves):
    """The quotas for the reserve list: each scaled by ``reserves / size``."""
    factor = reserves / size if size else 0
    return {
        d: {
            c: {"min": math.floor(b["min"] * factor), "max": math.ceil(b["max"] * factor)}
            for c, b in cats.items()
        }
        for d, cats in quotas.items()
    }


def draw(pool, quotas, seed, size, reserves=0, attempts=ATTEMPTS):
    """Draw a panel of ``size`` and ``reserves`` reserves from ``pool`` meeting ``quotas``.

    Returns a :class:`Result`; raises :class:`DrawFailed` (with the problems found by
    :func:`check`, or the minimums the last attempt left unmet).
    """
    problems = check(pool, quotas, size)
    if problems:
        raise DrawFailed(problems)
    selected = None
    unmet = []
    for number in range(attempts):
        selected, unmet = _attempt(pool, quotas, size, generator(seed, "attempt", number))
        if selected is not None:
            break
    else:
        raise DrawFailed(
            Problem("unmet_minimum", {"dimension": d, "category": c, "selected": s, "min": m})
            for d, c, s, m in unmet
        )
    taken = set(selected)
    rest = [person for person in pool if person[0] not in taken]
    count = min(reserves, len(rest))
    reserve_ids, reserve_attempt = [], None
    if count:
        scaled = _scaled(quotas, size, count)
        if not check(rest, scaled, count):
            for number in range(attempts):
                ids, _unmet = _attempt(rest, scaled, count, generator(seed, "reserves", number))
                if ids is not None:
                    reserve_ids, reserve_attempt = ids, number
                    break
        if not reserve_ids:
            reserve_ids, _unmet = _attempt(rest, {}, count, generator(seed, "reserves", "open"))
    return Result(
        selected=selected, reserves=reserve_ids, attempt=number, reserve_attempt=reserve_attempt
    )


# --- the command line --------------------------------------------------------------------


def main(argv=None):
    """``redraw.py``: re-run a published draw and print its result as JSON."""
    parser = argparse.ArgumentParser(description="Re-run a Chorus draw from its public files.")
    parser.add_argument("--pool", required=True, help="the anonymised pool (pool.csv)")
    parser.add_argument("--quotas", required=True, help="the quotas (quotas.json)")
    parser.add_argument("--seed", required=True, help="the published seed, exactly as shown")
    parser.add_argument("--size", required=True, type=int, help="the panel's size")
    parser.add_argument("--reserves", type=int, default=0, help="how many reserves")
    args = parser.parse_args(argv)
    with open(args.pool, encoding="utf-8", newline="") as handle:
        pool_text = handle.read()
    with open(args.quotas, encoding="utf-8") as handle:
        quotas = read_quotas(handle.read())
    pool = read_pool(pool_text)
    output = {"pool_sha256": sha256_text(pool_text), "seed": args.seed}
    try:
        result = draw(pool, quotas, args.seed, args.size, args.reserves)
    except DrawFailed as failure:
        output["problems"] = [problem.message for problem in failure.problems]
        print(json.dumps(output, indent=2))
        return 1
    output.update(result.as_json())
    print(json.dumps(output, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
