#!/usr/bin/env python3
"""ConnectAge's speech-recognition worker: faster-whisper behind a line-delimited JSON protocol.

`connectage transcribe` starts it once and talks to it on stdin/stdout, one JSON object a line
(docs/speech-recognition.md has the protocol). It never downloads anything: the model is a local
CTranslate2 folder, and the Hugging Face hub is switched off before faster-whisper is imported.

    asr-worker.py --model DIR [--threads 2] [--compute-type int8] [--window-seconds 600]

Start:     {"type": "ready", "model": "<folder name>", "versions": {...}}
           or {"type": "error", "kind": "model", "message": "..."} and exit 3
Request:   {"id": 1, "type": "transcribe", "audio": "/path/a.wav", "language": "fr"}
Responses: {"id": 1, "type": "progress", "seconds": 12.4, "duration": 30.0}  (0 or more)
           {"id": 1, "type": "result", "language": "fr", "duration": 30.0, "windows": 1, "segments": [...]}
           or {"id": 1, "type": "error", "kind": "audio" | "recognition", "message": "..."}
Request:   {"type": "quit"} (or end of input) ends the worker.
"""
import argparse
import itertools
import json
import os
import resource
import sys

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

# Whatever the libraries print must not reach stdout, which carries the protocol only.
protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
os.dup2(sys.stderr.fileno(), sys.stdout.fileno())


def send(message):
    protocol_out.write(json.dumps(message, ensure_ascii=False) + "\n")
    protocol_out.flush()


def load_model(folder, threads, compute_type):
    from faster_whisper import WhisperModel

    # A name that is not a folder would make faster-whisper fetch a model from the hub.
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"no model folder at {folder}")
    return WhisperModel(folder, device="cpu", compute_type=compute_type, cpu_threads=threads, num_workers=1,
                        local_files_only=True)


# Long recordings are read, decoded and recognised a window at a time, so memory stays bounded
# whatever their length: a window is cut in the quietest half second of its last part (a pause
# between words, when there is one), and the rest is carried into the next window; each window's
# word times are offset by where it starts. --window-seconds (CONNECTAGE_ASR_WINDOW_SECONDS)
# shortens it for the tests and the memory benchmark.
DEFAULT_WINDOW_SECONDS = 600
RATE = 16000
# Blocks read or decoded at a time, before they are gathered into windows.
BLOCK_FRAMES = 30 * RATE


def sample_blocks(audio):
    """Yields the recording as 16 kHz mono float32 blocks, never the whole file at once."""
    import wave

    import numpy as np

    try:
        reader = wave.open(audio, "rb")
    except (wave.Error, EOFError):
        reader = None
    if reader is not None and reader.getsampwidth() == 2 and reader.getframerate() == RATE:
        # 16 kHz 16-bit PCM (what sessions record): read as is.
        with reader:
            channels = reader.getnchannels()
            while frames := reader.readframes(BLOCK_FRAMES):
                block = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
                yield block.reshape(-1, channels).mean(axis=1) if channels > 1 else block
        return
    if reader is not None:
        reader.close()
    # Anything else (another rate, another format): decoded and resampled by PyAV frame by frame.
    import av

    with av.open(audio, mode="r", metadata_errors="ignore") as container:
        resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=RATE)
        # None at the end flushes what the resampler holds.
        for frame in itertools.chain(container.decode(audio=0), [None]):
            for resampled in resampler.resample(frame):
                yield resampled.to_ndarray().reshape(-1).astype(np.float32) / 32768.0


def windows(blocks, window_seconds):
    """Yields (offset in seconds, samples) windows of at most `window_seconds` from `blocks`."""
    import numpy as np

    size = window_seconds * RATE
    # The cut is looked for in the last half of the window (at most 30 s), in steps of 0.1 s.
    search = min(30 * RATE, max(RATE, size // 2))
    quiet, step = RATE // 2, RATE // 10
    pending, held, offset = [], 0, 0.0
    for block in blocks:
        pending.append(block)
        held += len(block)
        while held >= size:
            samples = np.concatenate(pending)
            tail = samples[size - search:size]
            energy = np.concatenate([[0.0], np.cumsum(tail.astype(np.float64) ** 2)])
            starts = np.arange(0, len(tail) - quiet + 1, step)
            cut = size - search + quietest_middle(starts, energy[starts + quiet] - energy[starts]) + quiet // 2
            yield offset, samples[:cut]
            offset += cut / RATE
            pending, held = [samples[cut:]], len(samples) - cut
    if held:
        yield offset, np.concatenate(pending)


def quietest_middle(starts, energies):
    """The middle of the longest run of half seconds as quiet as the quietest (twice its energy):
    the middle of a pause rather than its edge, where the next word may begin."""
    quiet = energies <= 2 * float(energies.min()) + 1e-12
    best, run_start = (0, 0), None
    for index, flag in enumerate([*quiet, False]):
        if flag and run_start is None:
            run_start = index
        elif not flag and run_start is not None:
            best = max(best, (index - run_start, -run_start))
            run_start = None
    length, first = best[0], -best[1]
    return int(starts[first + (length - 1) // 2])


def transcribe(model, request, window_seconds):
    identifier = request.get("id")
    audio = request.get("audio")
    language = request.get("language") or "fr"
    if not os.path.isfile(audio or ""):
        send({"id": identifier, "type": "error", "kind": "audio", "message": "file not found"})
        return
    segments_out = []
    duration = 0.0
    total = None
    try:
        import wave

        with wave.open(audio, "rb") as header:
            total = round(header.getnframes() / header.getframerate(), 3)
    except Exception:
        pass  # not a WAV: the duration is known at the end
    starts = []
    try:
        count = 0
        for offset, samples in windows(sample_blocks(audio), window_seconds):
            count += 1
            starts.append(round(offset, 3))
            duration = offset + len(samples) / RATE
            # The VAD filter (Silero, shipped inside faster-whisper) keeps Whisper from inventing
            # words in silence. Temperature 0 only: faster-whisper's default falls back to sampling
            # at higher temperatures when a window reads badly, so the same recording could get
            # another draft at each run (and, sampled, a loop such as "-ya -ya -ya"); a draft must
            # be reproducible.
            segments, info = model.transcribe(samples, language=language, beam_size=5, word_timestamps=True,
                                              vad_filter=True, condition_on_previous_text=False,
                                              temperature=0.0)
            for segment in segments:
                words = []
                for word in segment.words or []:
                    start = min(max(0.0, offset + word.start), duration)
                    end = min(max(start, offset + word.end), duration)
                    words.append({"word": word.word, "start": round(start, 3), "end": round(end, 3),
                                  "probability": round(float(word.probability), 4)})
                if not words:
                    continue
                segments_out.append({"start": words[0]["start"], "end": words[-1]["end"], "text": segment.text,
                                     "words": words})
                send({"id": identifier, "type": "progress", "seconds": words[-1]["end"], "duration": total})
            # On standard error (the worker's log): the peak memory so far, window by window, which
            # the memory benchmark reads to show it does not grow with the recording's length.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"asr-worker: window {count} at {offset:.1f} s ({len(samples) / RATE:.1f} s), peak {peak:.0f} MiB",
                  file=sys.stderr, flush=True)
    except (ValueError, EOFError, OSError) as error:  # not audio, or cut short
        send({"id": identifier, "type": "error", "kind": "audio", "message": f"{type(error).__name__}: {error}"})
        return
    except Exception as error:
        kind = "audio" if type(error).__module__.startswith("av") else "recognition"
        send({"id": identifier, "type": "error", "kind": kind, "message": f"{type(error).__name__}: {error}"})
        return
    send({"id": identifier, "type": "result", "language": language, "duration": round(duration, 3),
          "windows": count, "window_starts": starts, "segments": segments_out})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--compute-type", default="int8")
    parser.add_argument("--window-seconds", type=int,
                        default=int(os.environ.get("CONNECTAGE_ASR_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS)),
                        help="longest stretch of audio recognised at once (default 600)")
    arguments = parser.parse_args()
    try:
        import ctranslate2
        import faster_whisper
    except ImportError as error:
        send({"type": "error", "kind": "install", "message": str(error)})
        return 3
    try:
        model = load_model(arguments.model, arguments.threads, arguments.compute_type)
    except Exception as error:
        send({"type": "error", "kind": "model", "message": f"{type(error).__name__}: {error}"})
        return 3
    send({"type": "ready", "model": os.path.basename(os.path.normpath(arguments.model)),
          "versions": {"faster-whisper": faster_whisper.__version__, "ctranslate2": ctranslate2.__version__}})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
        except json.JSONDecodeError as error:
            send({"type": "error", "kind": "protocol", "message": str(error)})
            continue
        if request.get("type") == "quit":
            break
        if request.get("type") == "transcribe":
            transcribe(model, request, max(2, arguments.window_seconds))
        else:
            send({"id": request.get("id"), "type": "error", "kind": "protocol",
                  "message": f"unknown request type {request.get('type')!r}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
