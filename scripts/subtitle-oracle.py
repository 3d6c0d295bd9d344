#!/usr/bin/env python3
"""External oracle for SubRip reading (Tests/SpeechKitTests/Transcripts/SRTOracleTests).

Reads a JSON list of .srt file contents on stdin and prints, per file, the cues pysubs2 reads
(a subtitle library used by subtitle editors and converters): their start and end in seconds and
their text without formatting tags, in the file's order. Run with the pinned virtual environment
that scripts/install-deps makes: .build/oracles/bin/python scripts/subtitle-oracle.py < files.json

Input:  ["1\\n00:00:01,000 --> 00:00:02,000\\noui\\n", ...]
Output: [[{"start": 1.0, "end": 2.0, "text": "oui"}], ...]
"""
import json
import sys

import pysubs2

files = json.load(sys.stdin)
cues = []
for text in files:
    subtitles = pysubs2.SSAFile.from_string(text, format_="srt")
    cues.append([{"start": event.start / 1000, "end": event.end / 1000, "text": event.plaintext}
                 for event in subtitles.events])
json.dump(cues, sys.stdout)
