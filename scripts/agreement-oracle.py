#!/usr/bin/env python3
"""External oracle for the agreement figures (Tests/StoreTests/Agreement/AgreementOracleTests).

Reads JSON cases on stdin and prints, per case, the figure computed by scikit-learn
(quadratic-weighted Cohen's kappa) or pingouin (ICC2: two-way random, absolute agreement, single
rater), or null where the library gives NaN (undefined). Run with the pinned virtual environment
that scripts/install-deps makes: .build/oracles/bin/python scripts/agreement-oracle.py < cases.json

Input:  [{"name": "...", "statistic": "kappa" | "icc", "pairs": [[a, b], ...]}, ...]
Output: {"name": value-or-null, ...}, and for ICC cases "name.lower95" / "name.upper95" (pingouin's
95 % interval, rounded by pingouin to two decimals)
"""
import json
import math
import sys
import warnings

import pandas as pd
import pingouin
from sklearn.metrics import cohen_kappa_score

warnings.simplefilter("ignore")


def kappa(pairs):
    first = [int(a) for a, _ in pairs]
    second = [int(b) for _, b in pairs]
    low, high = min(first + second), max(first + second)
    return cohen_kappa_score(first, second, labels=list(range(low, high + 1)), weights="quadratic")


def icc_row(pairs):
    rows = [(i, rater, value) for i, pair in enumerate(pairs) for rater, value in enumerate(pair)]
    data = pd.DataFrame(rows, columns=["answer", "coder", "value"])
    table = pingouin.intraclass_corr(data=data, targets="answer", raters="coder", ratings="value")
    # ICC(A,1) in McGraw & Wong's naming (pingouin 0.7): ICC2 of Shrout & Fleiss.
    return table.set_index("Type").loc["ICC(A,1)"]


def icc(pairs):
    return icc_row(pairs)["ICC"]


def icc_interval(pairs):
    """pingouin's 95 % interval, which it rounds to two decimals."""
    return [float(bound) for bound in icc_row(pairs)["CI95"]]


def main():
    cases = json.load(sys.stdin)
    results = {}
    for case in cases:
        compute = kappa if case["statistic"] == "kappa" else icc
        try:
            value = float(compute(case["pairs"]))
        except (ZeroDivisionError, FloatingPointError):
            value = math.nan
        results[case["name"]] = None if math.isnan(value) else value
        if case["statistic"] == "icc" and results[case["name"]] is not None:
            lower, upper = icc_interval(case["pairs"])
            results[case["name"] + ".lower95"] = None if math.isnan(lower) else lower
            results[case["name"] + ".upper95"] = None if math.isnan(upper) else upper
    json.dump(results, sys.stdout, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
