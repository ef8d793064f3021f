#!/usr/bin/env python
"""Print the table of ``benchmarks/throughput.sh``: median requests per second and ratios.

    throughput_table.py RESULTS.tsv [--engine sqlite] [--seconds 10] ...

RESULTS.tsv has one line per measurement: round, label, requests per second (tab-separated).
The labels are the script's: "stock home", "static file", and "<page>, uncached" or
"<page>, cached". Each page's median over the rounds is compared with the stock home page's
and, for cached pages, with the static file's. Only figures are printed; nothing is judged.
"""

import argparse
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path

STOCK = "stock home"
STATIC = "static file"
# The targets of issue 11: uncached homes at least as fast as stock Wagtail; cached pages
# ten times stock and at least 0.7 of a static file through the same server.
TARGETS = {"uncached": "≥ 1.0× stock", "cached": "≥ 10× stock, ≥ 0.7× static"}


def read_results(path):
    """Return ``{label: [req/s of each round]}`` in the order the labels first appear."""
    rates = defaultdict(list)
    for line in Path(path).read_text().splitlines():
        _round, label, rate = line.split("\t")
        rates[label].append(float(rate))
    return rates


def ratio(value, reference):
    return f"{value / reference:.2f}×" if reference else "-"


def table(rates):
    """Return the table's lines: label, median, every round, × stock, × static, target."""
    medians = {label: statistics.median(values) for label, values in rates.items()}
    stock = medians.get(STOCK)
    static = medians.get(STATIC)
    header = (
        f"{'page':<28} {'median req/s':>12}  {'rounds':<24} {'× stock':>8} {'× static':>9}  target"
    )
    lines = [header, "-" * len(header)]
    for label, values in rates.items():
        kind = label.rsplit(", ", 1)[-1]
        rounds = " ".join(f"{value:.0f}" for value in values)
        versus_static = ratio(medians[label], static) if kind == "cached" else ""
        lines.append(
            f"{label:<28} {medians[label]:>12.1f}  {rounds:<24} {ratio(medians[label], stock):>8}"
            f" {versus_static:>9}  {TARGETS.get(kind, '')}"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="the script's results.tsv")
    parser.add_argument("--engine", default="sqlite")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partnership", default="")
    args = parser.parse_args()

    import django
    import wagtail

    rates = read_results(args.results)
    rounds = max(len(values) for values in rates.values())
    database = "PostgreSQL + Redis" if args.engine == "postgres" else "SQLite + database cache"
    print(
        f"Chorus on {database} (the stock project on SQLite); Python {sys.version.split()[0]},"
        f" Django {django.get_version()}, Wagtail {wagtail.__version__}"
    )
    print(
        f"gunicorn {args.workers} sync workers each; ab -c {args.concurrency} for"
        f" {args.seconds}s per page; {rounds} rounds; partnership: {args.partnership}"
    )
    print()
    print("\n".join(table(rates)))
    print()
    # Other work on the machine lowers every figure; the ratios suffer less.
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    print(f"load average at the end (1, 5, 15 min): {load}")


if __name__ == "__main__":
    main()
