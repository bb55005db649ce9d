#!/usr/bin/env python3
"""Measures the review's precision on the seed tables (issue 15): runs `goalbridge check --json` over the corpus's
single-table workbooks (one per seed table, written by openpyxl/XlsxWriter from the seed text), samples up to N
findings per rule (evenly over the sorted findings, so the sample is the same on every run), and compares them with
the verdicts a reviewer wrote by hand in docs/review-precision.tsv (rule, file, cell, message, verdict right|wrong,
why). Prints, per rule, how many findings there are, how many were sampled and judged, how many are right; lists
sampled findings that have no verdict yet (judge them and add a line). Exits 1 when a sample lacks a verdict or a
rule's judged false-alarm rate is over 10 %.

    swift build && python3 scripts/review-precision.py [--per-rule 10] [--show-unjudged]
"""
import argparse, glob, json, os, subprocess, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LEDGER = os.path.join(ROOT, "docs", "review-precision.tsv")


def findings():
    files = sorted(glob.glob(os.path.join(ROOT, "Tests/BridgeTests/Fixtures/corpus/*-single.xlsx")))
    out = subprocess.run([os.path.join(ROOT, ".build/debug/goalbridge"), "check", "--json"] + files,
                         capture_output=True, text=True)
    items = json.loads(out.stdout)
    for f in items:
        f["file"] = os.path.basename(f.get("file") or "")
    return items


def key(f):
    return (f["rule"], f["file"], f.get("cell") or "", f["message"])


def sample(items, n):
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def ledger():
    verdicts = {}
    if os.path.exists(LEDGER):
        for line in open(LEDGER, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            rule, file, cell, message, verdict, why = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
            verdicts[(rule, file, cell, message)] = (verdict, why)
    return verdicts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-rule", type=int, default=10)
    ap.add_argument("--show-unjudged", action="store_true")
    args = ap.parse_args()
    by_rule = {}
    for f in findings():
        by_rule.setdefault(f["rule"], []).append(f)
    verdicts = ledger()
    failed = False
    unjudged = []
    print("rule\tfound\tsampled\tjudged\tright\twrong")
    for rule in sorted(by_rule, key=lambda r: (r[0], int("".join(c for c in r[1:] if c.isdigit()) or 0), r)):
        items = sorted(by_rule[rule], key=key)
        picked = sample(items, args.per_rule)
        judged = [verdicts[key(f)] for f in picked if key(f) in verdicts]
        right = sum(1 for v, _ in judged if v == "right")
        wrong = sum(1 for v, _ in judged if v == "wrong")
        unjudged += [f for f in picked if key(f) not in verdicts]
        print("%s\t%d\t%d\t%d\t%d\t%d" % (rule, len(items), len(picked), len(judged), right, wrong))
        if judged and wrong / len(judged) > 0.10:
            failed = True
    if unjudged:
        failed = True
        print("\n%d sampled findings have no verdict in %s" % (len(unjudged), os.path.relpath(LEDGER, ROOT)))
        if args.show_unjudged:
            for f in unjudged:
                print("\t".join([f["rule"], f["file"], f.get("cell") or "", f["message"], "?", ""]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
