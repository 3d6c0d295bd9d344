import Foundation
import SpeechKit
import TestSupport
import Testing

@Suite struct AnalyzeAudioCommandTests {

  struct Run {
    let status: Int32
    let output: String
    let errors: String
  }

  static func run(_ arguments: [String], language: String = "fr") throws -> Run {
    let run = try CommandRun.connectage(arguments, environment: ["CONNECTAGE_LANG": language])
    return Run(status: run.exitCode, output: run.standardOutput, errors: run.standardError)
  }

  /// Two small generated recordings, apart from the development and report sets.
  static func corpus() throws -> SpeechCorpus { try SpeechCorpus.load(seed: 11, count: 2) }

  @Test func jsonLinesGiveOneTimingPerFile() throws {
    let corpus = try Self.corpus()
    let files = corpus.items.map { corpus.url(of: $0).path }
    let run = try Self.run(["analyze", "audio", "--jsonl", "--jobs", "2", "--stimulus-onset", "0.25"] + files)
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n")
    try #require(lines.count == 2)
    for (line, item) in zip(lines, corpus.items) {
      let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(
        Set(json.keys) == [
          "file", "algorithm", "recording_duration_s", "first_word_onset_s", "last_word_offset_s", "speech_duration_s",
          "speaking_time_s", "segments", "pauses", "latency_from_stimulus_s", "speech_rate_wpm",
          "articulation_rate_wps",
        ])
      #expect(json["file"] as? String == corpus.url(of: item).path)
      #expect(json["algorithm"] as? String == VoiceActivityDetector.algorithm)
      let onset = try #require(json["first_word_onset_s"] as? Double)
      let offset = try #require(json["last_word_offset_s"] as? Double)
      // The command prints what the analyzer finds (its accuracy is SpeechTimingAnalyzerTests').
      let direct = try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))
      #expect(onset == direct.firstWordOnset)
      #expect(offset == direct.lastWordOffset)
      #expect(abs((json["speech_duration_s"] as? Double ?? 0) - (offset - onset)) < 1e-9)
      #expect(abs((json["latency_from_stimulus_s"] as? Double ?? 0) - (onset - 0.25)) < 1e-9)
      let pauses = try #require(json["pauses"] as? [String: Any])
      #expect(pauses["threshold_ms"] as? Int == 250)
      #expect((json["segments"] as? [[Double]])?.first?.first == onset)
    }
  }

  /// With the prompt end marked, speech before it is left out of the answer's timing.
  @Test func speechBeforeTheMarkedPromptEndIsLeftOut() throws {
    let corpus = try Self.corpus()
    let item = corpus.items[0]
    let mark = item.truthOnset + 0.3
    let run = try Self.run(["analyze", "audio", "--jsonl", "--prompt-end", String(mark), corpus.url(of: item).path])
    #expect(run.status == 0, "\(run.errors)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let onset = try #require(json["first_word_onset_s"] as? Double)
    #expect(onset >= mark)
  }

  @Test func theTableNamesEveryFile() throws {
    let corpus = try Self.corpus()
    let files = corpus.items.map { corpus.url(of: $0).path }
    let run = try Self.run(["analyze", "audio", "--min-pause", "150"] + files)
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("fichier") == true)
    #expect(lines.count == 4)
    #expect(lines.last == "algorithme : \(VoiceActivityDetector.algorithm), pauses ≥ 150 ms")
    for file in files { #expect(run.output.contains(file)) }
  }

  @Test func aBadFileIsReportedAndTheGoodOnesStillAnalysed() throws {
    let corpus = try Self.corpus()
    let good = corpus.url(of: corpus.items[0]).path
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let bad = directory.appendingPathComponent("notes.wav")
    try Data("pas du son".utf8).write(to: bad)

    let run = try Self.run(["analyze", "audio", "--jsonl", bad.path, good])
    #expect(run.status == 2)
    #expect(run.output.split(separator: "\n").count == 1)
    #expect(run.output.contains(good))
    #expect(
      run.errors == """
        « \(bad.path) » n'est pas un fichier WAV : l'en-tête RIFF manque. Enregistrez-le au format WAV.
        1 fichier(s) sur 2 n'ont pas pu être analysés.

        """)
  }

  @Test func aBadOptionIsBadInput() throws {
    let run = try Self.run(["analyze", "audio", "--jobs", "0", "x.wav"])
    #expect(run.status == 2)
    #expect(run.errors.contains("--jobs doit valoir au moins 1."))
  }
}
