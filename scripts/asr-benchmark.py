#!/usr/bin/env python3
"""Accuracy and speed of `connectage transcribe` on a synthetic set: espeak-ng French answers of
known text, clean and with pink noise, alone and after the therapist's question spoken by another
voice. Prints the figures docs/PERFORMANCE.md records (Markdown), and a JSON line per file with -v.

    scripts/install-asr && swift build
    python3 scripts/asr-benchmark.py [--model .build/asr/whisper-base] [--threads 2] [--keep DIR] [-v]
    python3 scripts/asr-benchmark.py --long-minutes 60     # one long file: speed and peak memory only

Synthetic speech is not a patient's: espeak-ng's French is flat and clearly articulated but
robotic, which helps a recogniser in some ways and hurts it in others. Check real recordings.
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONNECTAGE = os.path.join(ROOT, ".build/debug/connectage")
PROMPT = "Qu'est-ce que cela vous rappelle ?"
# What the patients say, verbatim, fillers and repetitions included (as a transcriber types it).
ANSWERS = [
    "Euh, ça me rappelle le le verger de mon grand-père. On cueillait les pommes en septembre.",
    "Quand j'étais petite, on allait au marché avec ma mère le samedi matin.",
    "Ben, c'est joli. Il y a des des fleurs et une grande table en bois.",
    "Ah, l'odeur du foin ! Je faisais les foins à la ferme de mon oncle, euh, en été.",
    "Moi je pense à la plage de Bretagne, où on passait nos vacances avec les enfants.",
    "Le jour de mon mariage, il y avait un grand gâteau à la vanille et du champagne.",
    "Bon, je je vois du pain grillé et du café. Le matin, euh, c'est agréable.",
    "Chez ma grand-mère, ça sentait la cire et le savon de Marseille dans la cuisine.",
]
VOICES = ["fr+f3", "fr+m3"]


def run(arguments, **options):
    return subprocess.run(arguments, check=True, capture_output=True, text=True, **options)


def speak(text, path, voice, speed=150):
    raw = path + ".raw.wav"
    run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", raw, text])
    # 16 kHz mono, leading and trailing silence trimmed so the speech's start is known exactly.
    run(["sox", raw, "-r", "16000", "-c", "1", "-b", "16", path, "silence", "1", "0.01", "0.5%",
         "reverse", "silence", "1", "0.01", "0.5%", "reverse"])
    os.remove(raw)
    return float(run(["soxi", "-D", path]).stdout)


def make_set(folder):
    """Returns the items: file, reference text, true onset of the answer, prompt or not, noise or not."""
    items = []
    for index, text in enumerate(ANSWERS):
        voice = VOICES[index % 2]
        answer = os.path.join(folder, f"part-answer-{index}.wav")
        speak(text, answer, voice)
        question = os.path.join(folder, f"part-question-{index}.wav")
        speak(PROMPT, question, VOICES[(index + 1) % 2])
        for prompted in (False, True):
            for noisy in (False, True):
                name = f"a{index}-{'prompt' if prompted else 'alone'}-{'noisy' if noisy else 'clean'}"
                clean = os.path.join(folder, name + ".clean.wav")
                lead = 0.7
                if prompted:
                    # The question, then a pause before the patient answers.
                    question_seconds = float(run(["soxi", "-D", question]).stdout)
                    gap = clean + ".gap.wav"
                    joined = clean + ".joined.wav"
                    run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", gap, "trim", "0", "0.8"])
                    run(["sox", question, gap, answer, joined])
                    run(["sox", joined, clean, "pad", f"{lead}", "1.0"])
                    os.remove(gap)
                    os.remove(joined)
                    onset = lead + question_seconds + 0.8
                else:
                    run(["sox", answer, clean, "pad", f"{lead}", "1.0"])
                    onset = lead
                wav = os.path.join(folder, name + ".wav")
                if noisy:
                    seconds = float(run(["soxi", "-D", clean]).stdout)
                    noise = clean + ".noise.wav"
                    # Pink noise about 10 dB below the speech: a quiet room with a fan.
                    run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", noise, "synth", f"{seconds}", "pinknoise",
                         "vol", "0.06"])
                    run(["sox", "-m", clean, noise, wav])
                    os.remove(noise)
                    os.remove(clean)
                else:
                    os.replace(clean, wav)
                items.append({"file": wav, "text": text, "onset": onset, "prompt": prompted, "noisy": noisy})
        os.remove(answer)
        os.remove(question)
    return items


def tokens(text):
    folded = unicodedata.normalize("NFC", text.lower()).replace("’", "'")
    folded = re.sub(r"[^\w'\- ]+", " ", folded)
    return [word for word in re.split(r"[\s\-]+", folded) if word.strip("'")]


def word_error_rate(reference, hypothesis):
    previous = list(range(len(hypothesis) + 1))
    for i, word in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, guess in enumerate(hypothesis, 1):
            current[j] = min(previous[j - 1] + (word != guess), previous[j] + 1, current[j - 1] + 1)
        previous = current
    return previous[-1] / max(len(reference), 1)


def chat_counts(text, folder):
    """ConnectAge's CHAT-rule counts of the verbatim text (fillers and repetitions not counted as words)."""
    path = os.path.join(folder, "count.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return json.loads(run([CONNECTAGE, "analyze", "transcript", path, "--jsonl"]).stdout)


def draft_counts(draft_path):
    """The same counts on the draft's answer (speaker PAR), as `analyze session` files them."""
    return json.loads(run([CONNECTAGE, "analyze", "transcript", draft_path, "--jsonl"]).stdout)


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def long_file(arguments, folder):
    """Speed and peak memory on one long recording (the answers, looped)."""
    parts = []
    for index, text in enumerate(ANSWERS):
        part = os.path.join(folder, f"long-{index}.wav")
        speak(text, part, VOICES[index % 2])
        parts.append(part)
    block = os.path.join(folder, "block.wav")
    run(["sox"] + parts + [block, "pad", "0", "2"])
    block_seconds = float(run(["soxi", "-D", block]).stdout)
    copies = max(1, int(arguments.long_minutes * 60 / block_seconds))
    wav = os.path.join(folder, "long.wav")
    run(["sox"] + [block] * copies + [wav])
    seconds = float(run(["soxi", "-D", wav]).stdout)
    # Windows of a quarter of the file, so the run shows memory does not grow with the length.
    window = max(60, int(seconds / 4))
    started = time.monotonic()
    result = subprocess.run([CONNECTAGE, "transcribe", "--model", arguments.model, "--threads", str(arguments.threads),
                             "--no-prompt-matching", wav], capture_output=True, text=True,
                            env=dict(os.environ, CONNECTAGE_ASR_WINDOW_SECONDS=str(window)))
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(wav[:-4] + ".json", encoding="utf-8") as f:
        draft = json.load(f)
    last = max((s["end"] for s in draft["segments"]), default=0)
    print(f"| {seconds / 60:.1f} min, one file, {window} s windows | {wall:.0f} s | {seconds / wall:.2f}x real time | "
          f"{peak:.0f} MiB peak (largest process) | last word at {last:.0f} s | exit {result.returncode} |")


def main():
    parser = argparse.ArgumentParser(description="Accuracy and speed of connectage transcribe on espeak-ng speech.")
    parser.add_argument("--model", default=os.path.join(ROOT, ".build/asr/whisper-base"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", help="keep the generated set and drafts in this folder")
    parser.add_argument("--long-minutes", type=float, help="only time one long file of this many minutes")
    parser.add_argument("-v", "--verbose", action="store_true")
    arguments = parser.parse_args()
    for tool in ["espeak-ng", "sox", "soxi"]:
        if not shutil.which(tool):
            sys.exit(f"asr-benchmark: {tool} is missing: run scripts/install-deps")
    if not os.access(CONNECTAGE, os.X_OK):
        sys.exit("asr-benchmark: build first (swift build)")
    folder = arguments.keep or tempfile.mkdtemp(prefix="asr-benchmark-")
    os.makedirs(folder, exist_ok=True)
    print(f"asr-benchmark: {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}, model {os.path.basename(os.path.normpath(arguments.model))}, "
          f"{arguments.threads} threads")
    if arguments.long_minutes:
        long_file(arguments, folder)
        return
    items = make_set(folder)
    audio_seconds = sum(float(run(["soxi", "-D", item["file"]]).stdout) for item in items)
    started = time.monotonic()
    result = subprocess.run([CONNECTAGE, "transcribe", "--model", arguments.model, "--threads", str(arguments.threads),
                             "--prompt", PROMPT] + [item["file"] for item in items], capture_output=True, text=True)
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if result.returncode != 0:
        sys.exit(f"asr-benchmark: transcribe failed ({result.returncode}): {result.stderr}")
    rows = []
    for item in items:
        draft_path = item["file"][:-4] + ".json"
        with open(draft_path, encoding="utf-8") as f:
            draft = json.load(f)
        words = [word for segment in draft["segments"] for word in segment["words"]]
        answer = [word for segment in draft["segments"] if segment["speaker"] == "PAR" for word in segment["words"]]
        reference = tokens(item["text"])
        row = {
            "file": os.path.basename(item["file"]), "prompt": item["prompt"], "noisy": item["noisy"],
            "prompt_found": draft.get("prompt") is not None,
            "wer_answer": word_error_rate(reference, tokens(" ".join(w["word"] for w in answer))),
            "wer_all": word_error_rate(reference, tokens(" ".join(w["word"] for w in words))),
            "onset_error_matched": abs(answer[0]["start"] - item["onset"]) if answer else None,
            "onset_error_unmatched": abs(words[0]["start"] - item["onset"]) if words else None,
            "words_plain": len(item["text"].split()),
        }
        spoken, drafted = chat_counts(item["text"], folder), draft_counts(draft_path)
        for key in ["words", "filled_pauses", "repetitions"]:
            row[key + "_chat"] = spoken[key]
            row[key + "_draft"] = drafted[key]
        rows.append(row)
        if arguments.verbose:
            print(json.dumps(row, ensure_ascii=False))

    print()
    print("| set | files | WER (answer words) | words: draft − CHAT count | words: draft − plain count "
          "| onset error, first word | onset error, after prompt matching | prompt found | right onset (< 0.3 s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for prompted in (False, True):
        for noisy in (False, True):
            chosen = [r for r in rows if r["prompt"] == prompted and r["noisy"] == noisy]
            unmatched = [r["onset_error_unmatched"] for r in chosen if r["onset_error_unmatched"] is not None]
            matched = [r["onset_error_matched"] for r in chosen if r["onset_error_matched"] is not None]
            right = sum(1 for r in chosen if r["onset_error_matched"] is not None and r["onset_error_matched"] < 0.3)
            print(f"| {'question + answer' if prompted else 'answer alone'}, {'pink noise' if noisy else 'clean'} "
                  f"| {len(chosen)} | {mean(r['wer_answer'] for r in chosen):.0%} "
                  f"| {mean(r['words_draft'] - r['words_chat'] for r in chosen):+.1f} "
                  f"| {mean(r['words_draft'] - r['words_plain'] for r in chosen):+.1f} "
                  f"| {mean(unmatched):.2f} s | {mean(matched):.2f} s "
                  f"| {sum(r['prompt_found'] for r in chosen)}/{len(chosen)} | {right}/{len(chosen)} |")
    print()
    for key, label in [("words", "words"), ("filled_pauses", "fillers (euh, ben, bon…)"), ("repetitions", "repetitions")]:
        spoken = sum(r[key + "_chat"] for r in rows if not r["noisy"])
        drafted = sum(r[key + "_draft"] for r in rows if not r["noisy"])
        print(f"Clean files, {label}: {spoken} in the verbatim texts (CHAT rules), {drafted} in the drafts.")
    print(f"Plain word count of the verbatim texts (clean files): {sum(r['words_plain'] for r in rows if not r['noisy'])}.")
    print()
    print(f"Speed: {audio_seconds:.0f} s of audio in {wall:.0f} s (model load included): "
          f"{audio_seconds / wall:.1f}x real time on {arguments.threads} threads; "
          f"peak memory {peak:.0f} MiB (largest process: the worker).")
    if not arguments.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
