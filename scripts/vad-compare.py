#!/usr/bin/env python3
"""Compares speech-timing detectors on a generated SpeechKit corpus, with one scorer for all.

    scripts/vad-compare.py CORPUS_DIR... [--ours OURS.jsonl...] [--ours-marked MARKED.jsonl...]
                           [--detectors ours,webrtc,silero]
                           [--subset no-prompt|prompt|prompt-marked|all] [--failures]

Several corpora are scored as one set (their answers pooled), with one OURS.jsonl per corpus in
the same order.

CORPUS_DIR holds the WAV files and manifest.json written by TestSupport.SpeechCorpus (the
SpeechBenchmarks target generates the report set). OURS.jsonl is the output of
`connectage analyze audio --jsonl CORPUS_DIR/*.wav`. For every detector it reports the
first-word onset and last-word offset errors against the reference (median, p90, files off
by more than 500 ms at either end), the frame-level F1 (10 ms frames) and the speaking-time
error (|span minus gaps of 250 ms or more|, median and p90). The reference comes from the dry
answer alone (TestSupport.ReferenceSpeech: samples within 40 dB of the clip's peak, gaps under
150 ms merged), never from a detector. Subsets: `no-prompt` (default) the answers without the
therapist's prompt; `prompt` those with it, scored as recorded; `prompt-marked` the same with
the prompt's end marked (the workaround): every detector is given only the audio after the mark,
as a recording started there would be (MARKED.jsonl: `connectage analyze audio --prompt-end S`
on each file), and its output is then cut at the mark; `all`.

WebRTC VAD runs on 30 ms frames in mode 3 ("aggressive"); Silero VAD runs its bundled ONNX
model through onnxruntime with the defaults of get_speech_timestamps (threshold 0.5,
250 ms minimum speech, 100 ms minimum silence, 30 ms padding), re-implemented here so that
torch is not needed. Every package is pinned in scripts/requirements-vad.txt and installed
(--no-deps: silero-vad's declared dependencies pull in torch) into the project's Python
environment by scripts/python-env; run it as `scripts/python-env python scripts/vad-compare.py`,
or everything at once with scripts/timing-report.
"""
import argparse
import json
import os
import statistics
import sys
import wave

import numpy as np

FRAME = 0.01


def read_wav(path):
    with wave.open(path, "rb") as handle:
        assert handle.getsampwidth() == 2 and handle.getnchannels() == 1 and handle.getframerate() == 16000, path
        return np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")


def webrtc_segments(samples, mode):
    import webrtcvad

    vad = webrtcvad.Vad(mode)
    step = 480
    segments = []
    for start in range(0, len(samples) - step + 1, step):
        if vad.is_speech(samples[start:start + step].tobytes(), 16000):
            begin, end = start / 16000, (start + step) / 16000
            if segments and abs(segments[-1][1] - begin) < 1e-9:
                segments[-1][1] = end
            else:
                segments.append([begin, end])
    return segments


class Silero:
    def __init__(self):
        import importlib.util

        import onnxruntime

        # Locate the bundled model without importing the package, whose __init__ needs torch.
        spec = importlib.util.find_spec("silero_vad")
        if spec is None:
            sys.exit("vad-compare: install the Silero model with 'pip install --no-deps silero-vad'")
        path = os.path.join(list(spec.submodule_search_locations)[0], "data", "silero_vad.onnx")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])

    def probabilities(self, samples):
        audio = samples.astype(np.float32) / 32768.0
        state = np.zeros((2, 1, 128), dtype=np.float32)
        context = np.zeros((1, 64), dtype=np.float32)
        sr = np.array(16000, dtype=np.int64)
        probabilities = []
        for start in range(0, len(audio), 512):
            chunk = audio[start:start + 512]
            if len(chunk) < 512:
                chunk = np.pad(chunk, (0, 512 - len(chunk)))
            x = np.concatenate([context, chunk[None, :]], axis=1)
            out, state = self.session.run(None, {"input": x, "state": state, "sr": sr})
            context = x[:, -64:]
            probabilities.append(float(out.squeeze()))
        return probabilities

    def segments(self, samples, threshold=0.5, min_speech_ms=250, min_silence_ms=100, pad_ms=30):
        probabilities = self.probabilities(samples)
        window, rate, length = 512, 16000, len(samples)
        min_speech, min_silence, pad = rate * min_speech_ms / 1000, rate * min_silence_ms / 1000, rate * pad_ms / 1000
        negative = max(threshold - 0.15, 0.01)
        triggered, temp_end, current, speeches = False, 0, {}, []
        for index, probability in enumerate(probabilities):
            sample = window * index
            if probability >= threshold and temp_end:
                temp_end = 0
            if probability >= threshold and not triggered:
                triggered, current = True, {"start": sample}
                continue
            if probability < negative and triggered:
                if not temp_end:
                    temp_end = sample
                if sample - temp_end < min_silence:
                    continue
                current["end"] = temp_end
                if current["end"] - current["start"] > min_speech:
                    speeches.append(current)
                current, triggered, temp_end = {}, False, 0
        if current and length - current["start"] > min_speech:
            current["end"] = length
            speeches.append(current)
        for index, speech in enumerate(speeches):
            if index == 0:
                speech["start"] = int(max(0, speech["start"] - pad))
            if index != len(speeches) - 1:
                gap = speeches[index + 1]["start"] - speech["end"]
                if gap < 2 * pad:
                    speech["end"] += int(gap // 2)
                    speeches[index + 1]["start"] = int(max(0, speeches[index + 1]["start"] - gap // 2))
                else:
                    speech["end"] = int(min(length, speech["end"] + pad))
                    speeches[index + 1]["start"] = int(max(0, speeches[index + 1]["start"] - pad))
            else:
                speech["end"] = int(min(length, speech["end"] + pad))
        return [[s["start"] / rate, s["end"] / rate] for s in speeches]


def frames(segments, count):
    mask = np.zeros(count, dtype=bool)
    for start, end in segments:
        mask[int(round(start / FRAME)):int(round(end / FRAME))] = True
    return mask


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round((len(ordered) - 1) * fraction)))]


def speaking_time(segments):
    if not segments:
        return 0.0
    gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:])]
    return segments[-1][1] - segments[0][0] - sum(gap for gap in gaps if gap >= 0.25)


def after(segments, time):
    """The segments from `time` on: what a detector gives when told where the prompt ended."""
    return [[max(start, time), end] for start, end in segments if end > time]


def evaluate(name, items, predictions, durations, marked=False, failures=None):
    onset_errors, offset_errors, speaking_errors, far, tp, fp, fn = [], [], [], 0, 0, 0, 0
    for item in items:
        truth = [[s["start"], s["end"]] if isinstance(s, dict) else s for s in item["truth"]]
        predicted = predictions.get(item["file"], [])
        if marked and item.get("prompt"):
            predicted = after(predicted, item["prompt"][1])
        count = int(round(durations[item["file"]] / FRAME)) + 1
        t, p = frames(truth, count), frames(predicted, count)
        tp += int(np.sum(t & p))
        fp += int(np.sum(~t & p))
        fn += int(np.sum(t & ~p))
        if predicted:
            onset = abs(predicted[0][0] - truth[0][0])
            offset = abs(predicted[-1][1] - truth[-1][1])
        else:
            onset = offset = float("inf")
        onset_errors.append(onset)
        offset_errors.append(offset)
        speaking_errors.append(abs(speaking_time(predicted) - speaking_time(truth)))
        if onset > 0.5 or offset > 0.5:
            far += 1
            if failures is not None:
                failures.append(f"{name}: {item['file']} [{item['condition']}] onset {ms(onset)} ms, offset {ms(offset)} ms")
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    return {
        "detector": name,
        "onset_median_ms": ms(statistics.median(onset_errors)),
        "onset_p90_ms": ms(percentile(onset_errors, 0.9)),
        "offset_median_ms": ms(statistics.median(offset_errors)),
        "offset_p90_ms": ms(percentile(offset_errors, 0.9)),
        "over_500ms": f"{far}/{len(items)}",
        "frame_f1": f"{f1:.3f}",
        "speaking_time_median_ms": ms(statistics.median(speaking_errors)),
        "speaking_time_p90_ms": ms(percentile(speaking_errors, 0.9)),
    }


def ms(value):
    return "inf" if value == float("inf") else f"{value * 1000:.0f}"


def from_mark(detect, samples, item, marked):
    """`detect` on the audio after the marked prompt end, in the recording's times."""
    if not (marked and item.get("prompt")):
        return detect(samples)
    mark = item["prompt"][1]
    return [[start + mark, end + mark] for start, end in detect(samples[int(round(mark * 16000)):])]


def read_predictions(paths, corpora):
    """ConnectAge's segments per answer, from one JSONL per corpus, keyed as the answers are."""
    if len(paths) != len(corpora):
        sys.exit(f"vad-compare: {len(corpora)} corpora but {len(paths)} JSONL files; give one per corpus, in order")
    predictions, algorithm = {}, "?"
    for path, corpus in zip(paths, corpora):
        with open(path) as handle:
            for line in handle:
                record = json.loads(line)
                predictions[answer_key(corpus, os.path.basename(record["file"]), corpora)] = record["segments"]
                algorithm = record["algorithm"]
    return predictions, algorithm


def answer_key(corpus, file, corpora):
    return file if len(corpora) == 1 else os.path.basename(os.path.normpath(corpus)) + "/" + file


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--ours", nargs="+", help="JSONL from connectage analyze audio --jsonl, one per corpus")
    parser.add_argument("--ours-marked", nargs="+", help="the same with --prompt-end, for the prompt-marked subset")
    parser.add_argument("--detectors", default="ours,webrtc,silero")
    parser.add_argument("--condition", help="only items whose condition contains this text")
    parser.add_argument("--subset", default="no-prompt", choices=["no-prompt", "prompt", "prompt-marked", "all"])
    parser.add_argument("--failures", action="store_true", help="list the files off by more than 500 ms")
    arguments = parser.parse_args()

    items, audio = [], {}
    for corpus in arguments.corpus:
        manifest = os.path.join(corpus, "manifest.json")
        if not os.path.isfile(manifest):
            sys.exit(f"vad-compare: {manifest}: no corpus manifest; make the corpus with scripts/timing-report")
        with open(manifest) as handle:
            for item in json.load(handle)["items"]:
                if arguments.subset == "no-prompt" and item.get("prompt"):
                    continue
                if arguments.subset in ("prompt", "prompt-marked") and not item.get("prompt"):
                    continue
                if arguments.condition and arguments.condition not in item["condition"]:
                    continue
                item = dict(item, file=answer_key(corpus, item["file"], arguments.corpus))
                items.append(item)
                audio[item["file"]] = read_wav(os.path.join(corpus, os.path.basename(item["file"])))
    marked = arguments.subset == "prompt-marked"
    failures = [] if arguments.failures else None
    durations = {name: len(samples) / 16000 for name, samples in audio.items()}
    by_name = {item["file"]: item for item in items}
    results = []
    for detector in arguments.detectors.split(","):
        if detector == "ours":
            paths = arguments.ours_marked if marked else arguments.ours
            if not paths:
                sys.exit("vad-compare: --ours OURS.jsonl (and --ours-marked for prompt-marked) is needed for 'ours'")
            predictions, algorithm = read_predictions(paths, arguments.corpus)
            results.append(evaluate("connectage (" + algorithm + ")", items, predictions, durations, marked, failures))
        elif detector == "webrtc":
            predictions = {
                name: from_mark(lambda tail: webrtc_segments(tail, 3), samples, by_name[name], marked)
                for name, samples in audio.items()
            }
            results.append(evaluate("WebRTC VAD (mode 3)", items, predictions, durations, marked, failures))
        elif detector == "silero":
            silero = Silero()
            predictions = {
                name: from_mark(silero.segments, samples, by_name[name], marked) for name, samples in audio.items()
            }
            results.append(evaluate("Silero VAD (ONNX, defaults)", items, predictions, durations, marked, failures))
        else:
            sys.exit(f"vad-compare: unknown detector '{detector}'")
    print(f"{len(items)} files from {', '.join(arguments.corpus)} (subset {arguments.subset})")
    columns = list(results[0].keys())
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for result in results:
        print("| " + " | ".join(result[column] for column in columns) + " |")
    for line in failures or []:
        print(line)


if __name__ == "__main__":
    main()
