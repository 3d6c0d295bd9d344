"""How much of each answer's end the room hides: a property of the corpus, not of any detector.

For each answer without the therapist's prompt, the clean clip (the dry voice the truth comes from)
is compared with the rest of the recording (the mix minus that voice: the room's reverberation,
its noise and the other residents' murmurs), in 10 ms frames of the 300–3400 Hz band. The
"audible end" is the last frame, up to the truth's last-word offset, where the voice stands at
least THRESHOLD dB above (or, for negative thresholds, no more than that far below) the rest.
Whatever of the last word lies after it is under the room: a detector that reads levels cannot
place the end there, however it is tuned.

    scripts/python-env python scripts/masked-endings.py CORPUS [CORPUS ...]

Prints, for answers in a reverberant room and for the others, how far the audible end lies before
the truth's offset (median and p90) and how many answers have more than 100 ms hidden. Then the
best any level reading could do with a fixed guess: an end placed at the audible end plus a fixed
extension, one for dry rooms and one for reverberant ones (the oracle knows both the audible end and
the room), over all answers; it prints the extensions that meet the offset targets (median ≤ 30 ms,
p90 ≤ 100 ms), if any, and the closest.
"""

import json
import os
import sys

import numpy as np
from scipy.io import wavfile
from scipy.signal import butter, sosfilt

RATE = 16000
FRAME = RATE // 100
BAND = butter(4, [300, 3400], btype="band", fs=RATE, output="sos")
THRESHOLDS = (0, -5, -10)
HIDDEN = 0.100
TARGET_MEDIAN = 0.030
TARGET_P90 = 0.100


def read(path):
    rate, samples = wavfile.read(path)
    if rate != RATE:
        sys.exit(f"masked-endings: {path}: {rate} Hz, the corpus is {RATE} Hz")
    samples = samples.astype(np.float64)
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if np.abs(samples).max() > 2:
        samples /= 32768
    return samples


def band_levels(samples):
    band = sosfilt(BAND, samples)
    count = len(band) // FRAME
    power = np.mean(band[: count * FRAME].reshape(count, FRAME) ** 2, axis=1)
    return 10 * np.log10(power + 1e-12)


def voice_gain(mix, clean, first, last):
    """The mix holds the clean voice unchanged, unless the corpus scaled the whole mix down to keep
    its peak at 0.95; then the gain is the least-squares fit over the words."""
    if np.abs(mix).max() < 0.949:
        return 1.0
    words = slice(first, last)
    return float(np.dot(mix[words], clean[words]) / np.dot(clean[words], clean[words]))


def hidden_tail(corpus, item):
    clean = read(os.path.join(corpus, "clean", item["file"]))
    mix = read(os.path.join(corpus, item["file"]))
    length = min(len(clean), len(mix))
    clean, mix = clean[:length], mix[:length]
    truth = [[s["start"], s["end"]] if isinstance(s, dict) else s for s in item["truth"]]
    offset = truth[-1][1]
    gain = voice_gain(mix, clean, int(truth[0][0] * RATE), int(offset * RATE))
    voice = band_levels(gain * clean)
    rest = band_levels(mix - gain * clean)
    last = min(len(voice) - 1, int(offset * 100))
    hidden = {}
    for threshold in THRESHOLDS:
        frame = last
        while frame > 0 and voice[frame] - rest[frame] < threshold:
            frame -= 1
        hidden[threshold] = max(0.0, offset - (frame + 1) / 100)
    return hidden


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    groups = {"reverberant room": [], "no reverberation": []}
    for corpus in sys.argv[1:]:
        manifest = os.path.join(corpus, "manifest.json")
        if not os.path.isfile(manifest):
            sys.exit(f"masked-endings: {manifest}: no corpus manifest here; make one with scripts/timing-report")
        with open(manifest) as handle:
            items = [item for item in json.load(handle)["items"] if not item.get("prompt")]
        for item in items:
            group = "reverberant room" if item.get("reverberationTime") else "no reverberation"
            groups[group].append(hidden_tail(corpus, item))
    print("| answers | voice vs the rest of the room | hidden end, median | p90 | more than 100 ms hidden |")
    print("|---|---|---|---|---|")
    for name, rows in groups.items():
        for threshold in THRESHOLDS:
            values = np.array([row[threshold] for row in rows]) * 1000
            hidden = int(np.sum(values > HIDDEN * 1000))
            print(
                f"| {name} ({len(rows)}) | ≥ {threshold:+d} dB | {np.median(values):.0f} ms | "
                f"{np.percentile(values, 90):.0f} ms | {hidden} ({100 * hidden / len(rows):.0f} %) |"
            )
    print()
    print("| voice vs the rest of the room | extensions meeting both targets | closest (dry + reverberant) | median | p90 | past 100 ms |")
    print("|---|---|---|---|---|---|")
    for threshold in THRESHOLDS[:2]:
        print(oracle_bound(groups, threshold))


def oracle_bound(groups, threshold):
    """The audible end plus a fixed extension per kind of room, every pair from 0 to 200 ms by 5 ms."""
    dry = np.array([row[threshold] for row in groups["no reverberation"]])
    wet = np.array([row[threshold] for row in groups["reverberant room"]])
    steps = np.arange(0, 0.2001, 0.005)
    meeting = 0
    closest = None
    for dry_extension in steps:
        for wet_extension in steps:
            errors = np.concatenate([np.abs(dry - dry_extension), np.abs(wet - wet_extension)])
            median, p90 = np.median(errors), np.percentile(errors, 90)
            meeting += median <= TARGET_MEDIAN and p90 <= TARGET_P90
            score = max(median / TARGET_MEDIAN, p90 / TARGET_P90)
            if closest is None or score < closest[0]:
                closest = (score, dry_extension, wet_extension, median, p90, int(np.sum(errors > HIDDEN)))
    _, dry_extension, wet_extension, median, p90, late = closest
    return (
        f"| ≥ {threshold:+d} dB | {meeting} of {len(steps) ** 2} | +{dry_extension * 1000:.0f} ms + "
        f"{wet_extension * 1000:.0f} ms | {median * 1000:.0f} ms | {p90 * 1000:.0f} ms | {late} of "
        f"{len(dry) + len(wet)} |"
    )


if __name__ == "__main__":
    main()
