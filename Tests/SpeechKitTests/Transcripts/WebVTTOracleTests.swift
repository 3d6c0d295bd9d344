import Foundation
import TestSupport
import Testing

@testable import SpeechKit

/// WebVTT files read as a browser reads them. The reference is Chromium's own WebVTT parser, the
/// one behind `<track>`, run headless on each file: its cues' times, their text as the page would
/// show it (tags dropped, character references decoded) and their voice (`<v>`). The cases are
/// what subtitle and ASR tools write: YouTube's header lines and word timestamps, cue settings,
/// NOTE and STYLE blocks, identifiers, entities, Windows line ends and a byte-order mark.
///
/// Both sides' text goes through the same ``PlainTextNormalizer``: what is compared is the reading
/// of the file, not the word rules, which `CountingTests` check against CLAN.
@Suite(.enabled(if: ChromiumWebVTT.executable != nil))
struct WebVTTOracleTests {
  static let cases: [String] = [
    // YouTube's header: metadata lines up to the first blank line, cue settings after the times.
    "WEBVTT\nKind: captions\nLanguage: fr\n\n00:00:01.000 --> 00:00:02.500 align:start position:0%\nle café de ma mère\n",
    "WEBVTT - Transcription\n\n00:01.000 --> 00:02.000\noui\n\n00:02.500 --> 00:04.000 line:0 size:80%\nle jardin\n",
    // YouTube's automatic captions: word timestamps and classes inside the cue.
    "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nle<00:00:01.400><c> café</c><00:00:01.900><c> chaud</c>\n",
    // Blocks that are not cues.
    "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:bas width:40%\n\nNOTE une remarque\nsur deux lignes\n\n"
      + "00:00:01.000 --> 00:00:02.000\nla mer\n\nNOTE\nencore\n\n00:00:03.000 --> 00:00:04.000\nle port\n",
    // Identifiers, cues out of order, lines of one cue, several blank lines.
    "WEBVTT\n\nintro\n00:00:05.000 --> 00:00:06.000\nla deuxième\n\n\n\n7\n00:00:01.000 --> 00:00:02.000\nla première\nsur deux lignes\n",
    // Voices and nested tags.
    "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\n<v INV>Qu'est-ce que ça vous rappelle ?\n\n"
      + "00:00:02.000 --> 00:00:04.000\n<v.patient PAR>Le <b>jardin</b> de <i>ma</i> <c.jaune>grand-mère</c>.</v>\n",
    // Character references.
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nla cr&egrave;me de l&#39;été, l&#x2019;hiver\n\n"
      + "00:00:02.000 --> 00:00:03.000\nvraiment&nbsp;? &laquo;&nbsp;oui&nbsp;&raquo; &amp;c &lt;3 &unknown; &\n",
    // Windows line ends, a byte-order mark, no final line end.
    "\u{FEFF}WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\noui\r\n\r\n00:00:02.000 --> 00:00:03.250\r\nbien sûr",
  ]

  @Test func readsEachFileAsChromiumDoes() throws {
    let references = try ChromiumWebVTT.cues(of: Self.cases)
    let normalizer = PlainTextNormalizer()
    for (text, cues) in zip(Self.cases, references) {
      let transcript: Transcript
      do {
        transcript = try SubtitleReader.read(Data(text.utf8), file: "case.vtt")
      } catch {
        Issue.record("\(error): \(text.debugDescription)")
        continue
      }
      // Chromium keeps the file's order; the reader puts cues in the order they start.
      let ordered = cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
      let expected = try ordered.flatMap { _, cue in
        try normalizer.utterances(in: cue.text).map {
          Reading(speaker: cue.voice ?? "PAR", text: $0, start: cue.start, end: cue.end)
        }
      }
      let read = transcript.utterances.map {
        Reading(speaker: $0.speaker, text: $0.text, start: $0.start ?? -1, end: $0.end ?? -1)
      }
      #expect(read == expected, "\(text.debugDescription)")
    }
  }

  struct Reading: Equatable, CustomStringConvertible {
    var speaker: String
    var text: String
    var start: Double
    var end: Double
    var description: String { "\(speaker) \(start)–\(end) \(text)" }
  }
}

/// Runs headless Chromium on a page that loads each WebVTT text as a `<track>` and writes out the
/// cues its parser made.
enum ChromiumWebVTT {
  struct Cue: Decodable {
    var start: Double
    var end: Double
    /// The cue as the page shows it: `getCueAsHTML().textContent`.
    var text: String
    /// The `<v>` tag's name, the `title` Chromium gives its span.
    var voice: String?
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let executable: String? = ["chromium", "chromium-browser"].lazy.compactMap {
    try? ExternalTool.locate($0)
  }.first

  static func cues(of files: [String]) throws -> [[Cue]] {
    guard let executable else { throw Failure(description: "chromium is not installed: run scripts/install-deps") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webvtt-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("cues.html")
    let files = String(decoding: try JSONEncoder().encode(files), as: UTF8.self)
    try Self.page(files: files).write(to: page, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
      "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--virtual-time-budget=20000",
      "--dump-dom", page.absoluteString,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The page writes its answer in base64, which the dumped DOM carries unescaped.
    guard let start = dom.range(of: "<pre id=\"cues\">"),
      let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex),
      let json = Data(base64Encoded: String(dom[start.upperBound..<end.lowerBound]))
    else {
      throw Failure(description: "Chromium wrote no cues (status \(process.terminationStatus)): \(dom.prefix(400))")
    }
    return try JSONDecoder().decode([[Cue]].self, from: json)
  }

  private static func page(files: String) -> String {
    """
    <!doctype html><meta charset="utf-8"><body><pre id="cues">pending</pre><script>
    const files = \(files);
    function load(text) {
      return new Promise((resolve, reject) => {
        const video = document.createElement('video');
        const track = document.createElement('track');
        track.kind = 'subtitles';
        track.src = URL.createObjectURL(new Blob([text], {type: 'text/vtt'}));
        video.appendChild(track);
        document.body.appendChild(video);
        track.track.mode = 'hidden';
        track.addEventListener('error', () => reject(new Error('track error')));
        track.addEventListener('load', () => resolve(Array.from(track.track.cues).map(cue => {
          const shown = cue.getCueAsHTML();
          const voice = shown.querySelector ? shown.querySelector('span[title]') : null;
          return {start: cue.startTime, end: cue.endTime, text: shown.textContent,
                  voice: voice ? voice.getAttribute('title') : null};
        })));
      });
    }
    (async () => {
      const all = [];
      for (const file of files) all.push(await load(file));
      const json = JSON.stringify(all);
      document.getElementById('cues').textContent = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
    })().catch(error => { document.getElementById('cues').textContent = 'error ' + error; });
    </script>
    """
  }
}
