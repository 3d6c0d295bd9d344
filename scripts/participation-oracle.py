#!/usr/bin/env python3
"""External oracle for the participation statistics (Tests/ResearchTests/Statistics/ParticipationOracleTests).

Reads JSON cases on stdin, each a list of participation rows [participant, condition, answered],
and prints per case what SciPy and statsmodels say, computed from the rows on their own: each
participant's proportion answered per condition (pandas), the participants with every condition,
scipy.stats.friedmanchisquare on those proportions, and, when every such participant has one
trial per condition, statsmodels' cochrans_q on the 0/1 table (the same statistic). Run with the
pinned virtual environment that scripts/install-deps makes:
.build/oracles/bin/python scripts/participation-oracle.py < cases.json

Each case also names the pairs of conditions to compare with the method ConnectAge chose (exact or
approx, as its Wilcoxon test decides from the ties): scipy.stats.wilcoxon on the proportions of
the participants who have both, zero_method="wilcox", correction=False; then Holm's adjustment of
those p-values as one family (statsmodels' multipletests, method="holm").

Input:  [{"name": "...", "rows": [["P01", "image", 1], ...], "pairs": [["image", "image_game", "approx"], ...]}, ...]
Output: {"name": {"friedman": chi2, "friedman_p": p, "cochran_q": Q or null, "cochran_p": p or null,
                  "mean.<condition>": mean of the participants' proportions, "n": complete participants,
                  "wilcoxon.<first>-<second>": min(W+, W-), "wilcoxon_p.<first>-<second>": p,
                  "wilcoxon_p_holm.<first>-<second>": Holm-adjusted p}}
"""
import json
import sys
import warnings

import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import cochrans_q
from statsmodels.stats.multitest import multipletests

warnings.simplefilter("ignore")


def oracle(rows, pairs):
    data = pd.DataFrame(rows, columns=["participant", "condition", "answered"])
    cells = data.groupby(["participant", "condition"])["answered"].agg(["mean", "count"]).reset_index()
    proportions = cells.pivot(index="participant", columns="condition", values="mean")
    counts = cells.pivot(index="participant", columns="condition", values="count")
    result = {f"mean.{condition}": float(proportions[condition].mean()) for condition in proportions.columns}
    complete = proportions.dropna()
    result["n"] = int(len(complete))
    friedman = stats.friedmanchisquare(*[complete[column].to_numpy() for column in complete.columns])
    result["friedman"] = float(friedman.statistic)
    result["friedman_p"] = float(friedman.pvalue)
    result["cochran_q"] = None
    result["cochran_p"] = None
    if (counts.loc[complete.index] == 1).all().all():
        q = cochrans_q(complete.to_numpy().astype(int), return_object=True)
        result["cochran_q"] = float(q.statistic)
        result["cochran_p"] = float(q.pvalue)
    for first, second, method in pairs:
        both = proportions[[first, second]].dropna()
        test = stats.wilcoxon(both[first], both[second], zero_method="wilcox", correction=False, method=method)
        result[f"wilcoxon.{first}-{second}"] = float(test.statistic)
        result[f"wilcoxon_p.{first}-{second}"] = float(test.pvalue)
    if pairs:
        adjusted = multipletests([result[f"wilcoxon_p.{first}-{second}"] for first, second, _ in pairs], method="holm")[1]
        for (first, second, _), p in zip(pairs, adjusted):
            result[f"wilcoxon_p_holm.{first}-{second}"] = float(p)
    return result


cases = json.load(sys.stdin)
json.dump({case["name"]: oracle(case["rows"], case.get("pairs", [])) for case in cases}, sys.stdout)
