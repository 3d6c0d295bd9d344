import Foundation
import SpeechKit

/// Judges a whole `connectage export all` folder with the field's own tools: CLAN `check` and
/// `freq` on every CHAT file, Praat on every TextGrid, both against `measures.csv`.
public enum ExportOracle {
  /// Every CHAT file under `chat/` passes CLAN `check`, and CLAN's word count of its speaker
  /// (`[+ exc]` left out) equals the answer's `words` in `measures.csv`. Returns the problems found.
  public static func chatProblems(in export: URL, clan: CLANTools) throws -> [String] {
    let measures = try MeasuresTable(export.appendingPathComponent("measures.csv"))
    var problems: [String] = []
    let files = files(under: export.appendingPathComponent("chat"), ending: ".cha")
    if files.isEmpty { problems.append("no CHAT file under chat/") }
    for file in files {
      let verdict = try clan.check(file)
      if !verdict.passed { problems.append("CLAN check refused \(file.lastPathComponent):\n\(verdict.report)") }
      let transcript = try CHATReader.read(url: file)
      guard let speaker = transcript.declaredParticipants.first,
        let id = transcript.headers.first(where: { $0.name == "ID" })?.value,
        let session = transcript.headers.first(where: { $0.name == "Comment" })?.value?
          .split(separator: ",").first?.split(separator: " ").last.map(String.init),
        let trial = transcript.utterances.first?.gem?.label.split(separator: " ").first.map(String.init)
      else {
        problems.append("\(file.lastPathComponent): no speaker, session or trial to match measures.csv")
        continue
      }
      let code = String(id.split(separator: "|", omittingEmptySubsequences: false).dropLast().last ?? "")
      let row = measures.row(session: session, trial: trial, participant: code)
      let counted = try clan.counts(of: speaker, in: file).words
      if row?["words"] != String(counted) {
        problems.append(
          "\(file.lastPathComponent): CLAN counts \(counted) words, measures.csv \(row?["words"] ?? "none")")
      }
    }
    return problems
  }

  /// Every TextGrid under `textgrid/` opens in Praat, its interval tiers tile the grid, the
  /// participant's tier holds the answer's words (as many as `measures.csv` counts), and the
  /// `pauses` tier has the count and total duration of `silent_pauses_n` and `silent_pauses_total_s`.
  public static func textGridProblems(in export: URL, praat: PraatTool) throws -> [String] {
    let measures = try MeasuresTable(export.appendingPathComponent("measures.csv"))
    var problems: [String] = []
    let files = files(under: export.appendingPathComponent("textgrid"), ending: ".TextGrid")
    if files.isEmpty { problems.append("no TextGrid under textgrid/") }
    for file in files {
      let name = "\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent)"
      let grid = try praat.read(file)
      for tier in grid.tiers where !tier.isInterval || !tier.tiles {
        problems.append("\(name): tier \(tier.name) does not tile the grid")
      }
      // `<trial>-<participant>.TextGrid` in `textgrid/<session>/`.
      let base = file.deletingPathExtension().lastPathComponent
      guard let dash = base.lastIndex(of: "-"),
        let row = measures.row(
          session: file.deletingLastPathComponent().lastPathComponent, trial: String(base[..<dash]),
          participant: String(base[base.index(after: dash)...]))
      else {
        problems.append("\(name): no row in measures.csv")
        continue
      }
      let participant = String(base[base.index(after: dash)...])
      if let tier = grid.tier(named: participant) {
        let words = FrenchWordCounter().count(
          Transcript(format: .chat, utterances: [Utterance(speaker: participant, text: tier.labels)]),
          speaker: participant
        ).words
        if String(words) != row["words"] {
          problems.append("\(name): \(words) words on tier \(participant), measures.csv \(row["words"] ?? "none")")
        }
      } else if let words = row["words"].flatMap(Int.init), words > 0 {
        problems.append("\(name): measures.csv counts \(words) words but there is no tier \(participant)")
      }
      guard let pauses = grid.tier(named: "pauses") else {
        problems.append("\(name): no pauses tier")
        continue
      }
      // An empty count (no speech) has no pause to show.
      let counted = row["silent_pauses_n"].map { $0.isEmpty ? "0" : $0 }
      if String(pauses.labelled) != counted {
        problems.append("\(name): \(pauses.labelled) pauses, measures.csv \(row["silent_pauses_n"] ?? "none")")
      }
      if let total = row["silent_pauses_total_s"].flatMap(Double.init),
        abs(total - pauses.labelledSeconds) > 0.0005 + 1e-9
      {
        problems.append("\(name): pauses last \(pauses.labelledSeconds) s, measures.csv \(total) s")
      }
    }
    return problems
  }

  static func files(under folder: URL, ending suffix: String) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
      .sorted { $0.path < $1.path }
  }
}

/// `measures.csv` as rows of named fields (RFC 4180 quoting).
public struct MeasuresTable: Sendable {
  public var rows: [[String: String]] = []

  public init(_ url: URL) throws {
    self.init(text: try String(contentsOf: url, encoding: .utf8))
  }

  public init(text: String) {
    let records = Self.records(text)
    guard let header = records.first else { return }
    rows = records.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
  }

  /// The row of one answer, by `session_id`, `trial_id` and `participant_code`.
  public func row(session: String, trial: String, participant: String) -> [String: String]? {
    rows.first { $0["session_id"] == session && $0["trial_id"] == trial && $0["participant_code"] == participant }
  }

  static func records(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? characters.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          let next = characters.next()
          if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",": record.append(field); field = ""
      case "\n", "\r\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
  }
}
