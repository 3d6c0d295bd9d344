import ArgumentParser
import Foundation
import SessionModel
import Store

/// `connectage export csv --out DIR [--study S] [--group G] [--session S] [--db PATH]`.
struct ExportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv", abstract: "Write measures.csv, events.csv and codebook.csv into a folder.")

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export { try CSVExport().files(for: $0) }
    Terminal.say(Self.summary(of: files, in: options.out))
  }

  static func summary(of files: [ExportedFile], in out: String) -> LocalizedText {
    let tables = files.filter { $0.name.hasSuffix(".csv") }
    let french = tables.map { file in
      file.name == "codebook.csv"
        ? "\(file.name) (\(file.rowCount) colonnes décrites)" : "\(file.name) (\(file.rowCount) lignes)"
    }
    let english = tables.map { file in
      file.name == "codebook.csv"
        ? "\(file.name) (\(file.rowCount) columns described)" : "\(file.name) (\(file.rowCount) rows)"
    }
    return LocalizedText(
      fr: "Export écrit dans \(out) : \(french.joined(separator: ", ")). \(ExportOptions.manifestSentence.french)",
      en: "Export written to \(out): \(english.joined(separator: ", ")). \(ExportOptions.manifestSentence.english)")
  }
}
