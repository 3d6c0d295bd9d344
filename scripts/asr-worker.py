#!/usr/bin/env python3
"""ConnectAge's speech-recognition worker: faster-whisper behind a line-delimited JSON protocol.

`connectage transcribe` starts it once and talks to it on stdin/stdout, one JSON object a line
(docs/speech-recognition.md has the protocol). It never downloads anything: the model is a local
CTranslate2 folder, and the Hugging Face hub is switched off before faster-whisper is imported.

    asr-worker.py --model DIR [--threads 2] [--compute-type int8]

Start:     {"type": "ready", "model": "<folder name>", "versions": {...}}
           or {"type": "error", "kind": "model", "message": "..."} and exit 3
Request:   {"id": 1, "type": "transcribe", "audio": "/path/a.wav", "language": "fr"}
Responses: {"id": 1, "type": "progress", "seconds": 12.4, "duration": 30.0}  (0 or more)
           {"id": 1, "type": "result", "language": "fr", "duration": 30.0, "segments": [...]}
           or {"id": 1, "type": "error", "kind": "audio" | "recognition", "message": "..."}
Request:   {"type": "quit"} (or end of input) ends the worker.
"""
import argparse
import json
import os
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


# Long recordings are read and recognised a window at a time, so memory stays bounded whatever
# their length: a window is cut at the quietest half second of its last 30 s (between words).
# CONNECTAGE_ASR_WINDOW_SECONDS shortens it for the memory benchmark (scripts/asr-benchmark.py).
WINDOW_SECONDS = int(os.environ.get("CONNECTAGE_ASR_WINDOW_SECONDS", "600"))
RATE = 16000


def windows(audio):
    """Yields (offset in seconds, samples) for the recording, a window at a time."""
    import wave

    import numpy as np
    from faster_whisper.audio import decode_audio

    try:
        reader = wave.open(audio, "rb")
    except (wave.Error, EOFError):
        reader = None
    if reader is None or reader.getsampwidth() != 2 or reader.getframerate() != RATE:
        # Not 16 kHz 16-bit PCM (what sessions record): decoded and resampled whole by PyAV.
        if reader is not None:
            reader.close()
        yield 0.0, decode_audio(audio, sampling_rate=RATE)
        return
    with reader:
        channels = reader.getnchannels()
        carried = np.zeros(0, dtype=np.float32)
        offset = 0.0
        while True:
            frames = reader.readframes(WINDOW_SECONDS * RATE)
            block = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
            if channels > 1:
                block = block.reshape(-1, channels).mean(axis=1)
            samples = np.concatenate([carried, block])
            if not frames or len(block) < WINDOW_SECONDS * RATE:
                if len(samples):
                    yield offset, samples
                return
            tail = samples[-30 * RATE:]
            hop = RATE // 2
            energies = [float(np.mean(tail[i:i + hop] ** 2)) for i in range(0, len(tail) - hop, hop)]
            cut = len(samples) - len(tail) + hop * int(np.argmin(energies)) + hop // 2
            yield offset, samples[:cut]
            carried = samples[cut:]
            offset += cut / RATE


def transcribe(model, request):
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
    try:
        for offset, samples in windows(audio):
            duration = offset + len(samples) / RATE
            # The VAD filter (Silero, shipped inside faster-whisper) keeps Whisper from inventing
            # words in silence.
            segments, info = model.transcribe(samples, language=language, beam_size=5, word_timestamps=True,
                                              vad_filter=True, condition_on_previous_text=False)
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
    except (ValueError, EOFError, OSError) as error:  # not audio, or cut short
        send({"id": identifier, "type": "error", "kind": "audio", "message": f"{type(error).__name__}: {error}"})
        return
    except Exception as error:
        kind = "audio" if type(error).__module__.startswith("av") else "recognition"
        send({"id": identifier, "type": "error", "kind": kind, "message": f"{type(error).__name__}: {error}"})
        return
    send({"id": identifier, "type": "result", "language": language, "duration": round(duration, 3),
          "segments": segments_out})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--compute-type", default="int8")
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
            transcribe(model, request)
        else:
            send({"id": request.get("id"), "type": "error", "kind": "protocol",
                  "message": f"unknown request type {request.get('type')!r}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
