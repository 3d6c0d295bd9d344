import ArgumentParser
import Foundation
import SessionModel
import SpeechKit

/// `connectage analyze transcript FILE… [--speaker PAR] [--jsonl]`: word counts, fillers,
/// markers, MLU, TTR, ideas and automatic memories of each transcript.
struct AnalyzeTranscriptCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcript",
    abstract:
      "Word counts, fillers, MLU, ideas and memories of transcripts (CHAT, TextGrid, text, ASR JSON, WebVTT, SRT).",
    discussion: """
      The format is detected from the content, then the extension. Counts follow rule set \
      wc-fr-chat-1.0 (CHAT, ASR, subtitles, TextGrid) or wc-fr-plain-1.0 (typed text, counted \
      literally: every repeated word counts); ideas and memories are automatic pre-codings to be confirmed by a therapist. \
      A file that cannot be read is reported with file:line:column; the others are still analysed, \
      and the exit code is then 2.
      """)

  @Argument(help: "Transcript files (.cha, .TextGrid, .txt, .json, .vtt, .srt).")
  var files: [String]

  @Option(help: "Speaker code to analyse (default: PAR, else the only speaker who is not INV).")
  var speaker: String?

  @Flag(help: "Print one JSON object per file per line instead of a table.")
  var jsonl = false

  func run() async throws {
    var rows: [[(key: String, value: Value)]] = []
    var failures = 0
    for file in files {
      do {
        let row = try analyze(file)
        if jsonl { Terminal.print(Self.json(row)) } else { rows.append(row) }
      } catch {
        Terminal.printError(error.message(in: Terminal.language))
        failures += 1
      }
    }
    if !jsonl, !rows.isEmpty { Terminal.print(Self.table(rows)) }
    if failures > 0 {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "\(failures) fichier(s) sur \(files.count) non analysé(s) ; corrigez-les et relancez.",
          en: "\(failures) of \(files.count) file(s) not analysed; fix them and run again."))
    }
  }

  enum Value {
    case text(String)
    case integer(Int)
    case number(Double?)
  }

  private func analyze(_ file: String) throws(TranscriptReadError) -> [(key: String, value: Value)] {
    let transcript = try TranscriptReader.read(url: URL(fileURLWithPath: file), named: file)
    guard let code = try AnswerSpeaker.choose(in: transcript, chosen: speaker, file: file) else {
      throw TranscriptReadError(
        file: file, line: 1, column: 1,
        reason: LocalizedText(
          fr: "aucun énoncé d'un autre locuteur que l'examinateur dans ce fichier",
          en: "no utterance of a speaker other than the investigator in this file"))
    }
    let measures = TranscriptMeasures.measure(transcript, speaker: code)
    let counts = measures.wordCounts
    let memories = measures.memories.automatic
    return [
      ("file", .text(file)), ("format", .text(transcript.format.rawValue)), ("speaker", .text(code)),
      ("ruleset", .text(measures.ruleset)), ("words", .integer(counts.words)),
      ("words_split", .integer(counts.wordsSplit)), ("types", .integer(counts.types)), ("ttr", .number(counts.ttr)),
      ("utterances", .integer(counts.utterances)), ("utterances_mlu", .integer(counts.utterancesMLU)),
      ("mlu_w", .number(counts.mluWords)), ("filled_pauses", .integer(counts.filledPauses)),
      ("discourse_markers", .integer(counts.discourseMarkers)), ("fragments", .integer(counts.fragments)),
      ("unintelligible_tokens", .integer(counts.unintelligibleTokens)),
      ("repetitions", .integer(counts.repetitions)), ("retracings", .integer(counts.retracings)),
      ("retraced_words", .integer(counts.retracedWords)), ("ideas_n", .integer(measures.ideas.ideas)),
      ("idea_density", .number(measures.ideas.density)), ("ideas_method", .text(measures.ideas.method)),
      ("memories_n", .integer(memories.count)),
      ("memories_specific_n", .integer(memories.filter { $0.specificity == .specific }.count)),
      ("memories_general_n", .integer(memories.filter { $0.specificity == .general }.count)),
      ("memories_method", .text(measures.memories.method)),
    ]
  }

  /// Four decimals at most, `.` as separator whatever the locale.
  private static func decimal(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  static func json(_ row: [(key: String, value: Value)]) -> String {
    let fields = row.map { key, value -> String in
      let rendered: String
      switch value {
      case .text(let text):
        rendered = String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
      case .integer(let integer): rendered = String(integer)
      case .number(let number): rendered = number.map(decimal) ?? "null"
      }
      return "\"\(key)\":\(rendered)"
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  static func table(_ rows: [[(key: String, value: Value)]]) -> String {
    let french = Terminal.language == .french
    let columns: [(key: String, title: String)] = [
      ("file", french ? "fichier" : "file"), ("speaker", french ? "locuteur" : "speaker"),
      ("words", french ? "mots" : "words"), ("words_split", french ? "mots (élisions)" : "words (split)"),
      ("types", "types"), ("ttr", "TTR"), ("utterances", french ? "énoncés" : "utterances"), ("mlu_w", "MLU"),
      ("filled_pauses", french ? "hésitations" : "fillers"), ("discourse_markers", french ? "marqueurs" : "markers"),
      ("repetitions", french ? "répétitions" : "repetitions"), ("ideas_n", french ? "idées" : "ideas"),
      ("idea_density", french ? "densité" : "density"), ("memories_n", french ? "souvenirs" : "memories"),
    ]
    let cells: [[String]] = rows.map { row in
      columns.map { column in
        switch row.first(where: { $0.key == column.key })?.value {
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .number(let number): number.map { String(format: "%.2f", $0) } ?? "–"
        case nil: ""
        }
      }
    }
    let all = [columns.map(\.title)] + cells
    let widths = columns.indices.map { index in all.map { $0[index].count }.max() ?? 0 }
    let lines = all.map { line in
      line.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return index < 2 ? cell + padding : padding + cell
      }.joined(separator: "  ")
    }
    var rulesets: [String] = []
    for row in rows {
      if case .text(let name) = row.first(where: { $0.key == "ruleset" })?.value, !rulesets.contains(name) {
        rulesets.append(name)
      }
    }
    let ruleset = rulesets.isEmpty ? WordCountRules.chatFrench1.identifier : rulesets.joined(separator: ", ")
    let footer =
      french
      ? "règles : \(ruleset) ; idées : \(IdeaDensityAnalyzer.method) ; souvenirs : \(MemoryDetector.method) (pré-codage automatique, à confirmer)"
      : "rules: \(ruleset); ideas: \(IdeaDensityAnalyzer.method); memories: \(MemoryDetector.method) (automatic pre-coding, to be confirmed)"
    return (lines + [footer]).joined(separator: "\n")
  }
}
