#!/usr/bin/env python3
"""Reference values for Tests/ResearchTests/Statistics/*: run once, paste the printed figures into the
tests' tables. Each block prints the exact SciPy/NumPy call that produced it.

    python3 scripts/statistics-reference.py     # SciPy 1.17.1, NumPy 2.x
"""
import numpy as np
from scipy import stats


def float_repr(value):
    return repr(float(value))


sample = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2]
small = [12.0, 7.5, 9.25]
print("# descriptive: np.mean, np.std(ddof=1), np.percentile(linear), stats.t.interval(0.95, n-1, mean, sem)")
for name, values in [("sample", sample), ("small", small)]:
    a = np.array(values)
    low, high = stats.t.interval(0.95, len(a) - 1, loc=a.mean(), scale=stats.sem(a))
    print(name, float_repr(a.mean()), float_repr(a.std(ddof=1)), float_repr(np.median(a)), float_repr(np.percentile(a, 25)),
          float_repr(np.percentile(a, 75)), float_repr(low), float_repr(high))

print("# stats.t.ppf(0.975, df)")
for df in [1, 2, 5, 9, 29]:
    print(df, float_repr(stats.t.ppf(0.975, df)))

# Rows are participants, columns conditions (image, image_game, image_scent).
friedman_tables = {
    "no ties": [[10, 12, 15], [8, 11, 9], [14, 13, 18], [7, 9, 12], [11, 10, 16], [9, 14, 13]],
    "ties": [[10, 10, 15], [8, 11, 9], [14, 13, 18], [7, 7, 7], [11, 10, 16], [9, 14, 14], [5, 6, 8]],
    "four conditions": [[3.5, 4.0, 5.5, 6.0], [2.0, 3.0, 2.5, 4.5], [6.0, 5.0, 7.0, 8.0], [1.0, 2.0, 3.0, 2.0],
                        [4.0, 4.5, 6.5, 5.0]],
}
print("# stats.friedmanchisquare(*columns); W = chi2 / (n (k - 1))")
for name, rows in friedman_tables.items():
    rows = np.array(rows, dtype=float)
    n, k = rows.shape
    result = stats.friedmanchisquare(*rows.T)
    print(name, float_repr(result.statistic), float_repr(result.pvalue), float_repr(result.statistic / (n * (k - 1))))

wilcoxon_pairs = {
    "exact": ([12.1, 9.8, 14.2, 7.7, 11.0, 10.4, 13.3, 8.9, 15.0, 9.1],
              [10.0, 10.5, 11.1, 6.2, 9.3, 10.0, 10.9, 9.4, 12.2, 7.3], "exact"),
    "ties and zeros": ([5, 7, 6, 9, 4, 8, 6, 7, 10, 5, 6, 8],
                       [4, 5, 6, 7, 5, 6, 4, 7, 8, 3, 6, 6], "approx"),
    "all one way with ties": ([2, 3, 4, 5, 6, 7], [1, 1, 1, 1, 1, 2], "approx"),
}
print("# stats.wilcoxon(x, y, zero_method='wilcox', correction=False, method=M)")
for name, (x, y, method) in wilcoxon_pairs.items():
    result = stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method=method)
    print(name, method, float_repr(float(result.statistic)), float_repr(float(result.pvalue)))

print("# statsmodels-free Holm: the same as R's p.adjust(p, 'holm')")
p = np.array([0.01, 0.04, 0.03, 0.2, 0.004])
order = np.argsort(p)
adjusted = np.empty_like(p)
running = 0.0
for step, index in enumerate(order):
    running = max(running, min(1.0, (len(p) - step) * p[index]))
    adjusted[index] = running
print([float(v) for v in adjusted])
