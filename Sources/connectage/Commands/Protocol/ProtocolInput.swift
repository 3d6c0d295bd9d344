import Foundation
import ProtocolKit
import SessionModel

/// Loading a protocol for `plan` and `schedule`, with the project's exit codes.
enum ProtocolInput {
  static func load(_ file: String, assets: AssetsOption) throws(CommandFailure) -> ClinicalProtocol {
    do {
      return try ProtocolLoader.load(contentsOf: URL(fileURLWithPath: file), assets: assets.url)
    } catch {
      let message = error.text(in: Terminal.language)
      throw CommandFailure(
        message: message, exitCode: error.isUnreadableFile ? CommandFailure.runtimeFailure : CommandFailure.badInput)
    }
  }

  /// `--start` when given, otherwise the protocol's `schedule.start`.
  static func startDate(_ option: String?, protocol clinicalProtocol: ClinicalProtocol) throws(CommandFailure)
    -> CalendarDate
  {
    if let option {
      guard let date = CalendarDate(option) else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "« \(option) » n'est pas une date valide pour --start. Écrivez-la AAAA-MM-JJ, par exemple 2027-01-14.",
            en: "'\(option)' is not a valid date for --start. Write it YYYY-MM-DD, for example 2027-01-14."))
      }
      return date
    }
    guard let start = clinicalProtocol.schedule.start else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "aucune date de début. Passez --start AAAA-MM-JJ ou ajoutez « start: » sous « schedule » dans le protocole.",
          en: "no start date. Pass --start YYYY-MM-DD or add 'start:' under 'schedule' in the protocol."))
    }
    return start
  }

  static func printJSON(_ value: some Encodable) throws(CommandFailure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      Terminal.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    } catch {
      throw CommandFailure.runtime(
        LocalizedText(fr: "échec de l'écriture JSON : \(error).", en: "could not write JSON: \(error)."))
    }
  }

  /// Pads each column to its widest cell, two spaces apart, without trailing spaces.
  static func table(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
      for (index, cell) in row.enumerated() {
        if index == widths.count { widths.append(0) }
        widths[index] = max(widths[index], cell.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }
      .joined(separator: "  ")
      .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    .joined(separator: "\n")
  }
}
