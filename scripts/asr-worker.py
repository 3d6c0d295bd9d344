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


def transcribe(model, request):
    identifier = request.get("id")
    audio = request.get("audio")
    language = request.get("language") or "fr"
    try:
        from faster_whisper.audio import decode_audio

        samples = decode_audio(audio, sampling_rate=16000)
    except Exception as error:  # the file is missing, empty or not audio
        send({"id": identifier, "type": "error", "kind": "audio", "message": f"{type(error).__name__}: {error}"})
        return
    duration = len(samples) / 16000.0
    segments_out = []
    try:
        # The VAD filter (Silero, shipped inside faster-whisper) keeps Whisper from inventing
        # words in silence; temperature fallback stays on, as in Whisper's own decoding.
        segments, info = model.transcribe(samples, language=language, beam_size=5, word_timestamps=True,
                                          vad_filter=True, condition_on_previous_text=False)
        for segment in segments:
            words = []
            for word in segment.words or []:
                start = min(max(0.0, word.start), duration)
                end = min(max(start, word.end), duration)
                words.append({"word": word.word, "start": round(start, 3), "end": round(end, 3),
                              "probability": round(float(word.probability), 4)})
            if not words:
                continue
            segments_out.append({"start": words[0]["start"], "end": words[-1]["end"], "text": segment.text,
                                 "words": words})
            send({"id": identifier, "type": "progress", "seconds": round(min(segment.end, duration), 3),
                  "duration": round(duration, 3)})
    except Exception as error:
        send({"id": identifier, "type": "error", "kind": "recognition", "message": f"{type(error).__name__}: {error}"})
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
