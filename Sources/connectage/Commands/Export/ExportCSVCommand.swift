import ArgumentParser
import Foundation
import Research
import SessionModel
import Store

/// `connectage export csv --out DIR [--study S] [--group G] [--session S] [--db PATH]`.
struct ExportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract:
      "Write measures.csv, events.csv, attendance.csv, participation.csv, codebook.csv and event_types.csv into a folder."
  )

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export(CSVExport())
    Terminal.say(Self.summary(of: files, in: options.out))
  }

  static func summary(of files: [ExportedFile], in out: String) -> LocalizedText {
    let french = files.map { file in
      switch file.name {
      case Codebook.codebookFile: "\(file.name) (\(file.rowCount) colonnes décrites)"
      case EventTypesTable.fileName: "\(file.name) (\(EventCatalogue.entries.count) types d'événements)"
      default: "\(file.name) (\(file.rowCount) lignes)"
      }
    }
    let english = files.map { file in
      switch file.name {
      case Codebook.codebookFile: "\(file.name) (\(file.rowCount) columns described)"
      case EventTypesTable.fileName: "\(file.name) (\(EventCatalogue.entries.count) event types)"
      default: "\(file.name) (\(file.rowCount) rows)"
      }
    }
    return LocalizedText(
      fr: "Export écrit dans \(out) : \(french.joined(separator: ", ")). \(ExportOptions.manifestSentence.french)",
      en: "Export written to \(out): \(english.joined(separator: ", ")). \(ExportOptions.manifestSentence.english)")
  }
}
