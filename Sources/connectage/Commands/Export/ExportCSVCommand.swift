import ArgumentParser
import Foundation
import SessionModel
import Store

/// `connectage export csv --out DIR [--study S] [--db PATH]`.
struct ExportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv", abstract: "Write measures.csv, events.csv and codebook.csv into a folder.")

  @OptionGroup var store: StoreOptions

  @Option(help: ArgumentHelp("Folder to write into (created if needed).", valueName: "folder"))
  var out: String

  @Option(help: "Only the sessions of this study.") var study: String?

  func run() throws {
    let files = try store.withDatabase { database in
      try CSVExport().write(from: database, study: study.map(StudyID.init(rawValue:)), to: out)
    }
    let french = files.map { file in
      file.name == "codebook.csv"
        ? "\(file.name) (\(file.rowCount) colonnes décrites)" : "\(file.name) (\(file.rowCount) lignes)"
    }
    let english = files.map { file in
      file.name == "codebook.csv"
        ? "\(file.name) (\(file.rowCount) columns described)" : "\(file.name) (\(file.rowCount) rows)"
    }
    Terminal.say(
      LocalizedText(
        fr: "Export écrit dans \(out) : \(french.joined(separator: ", ")).",
        en: "Export written to \(out): \(english.joined(separator: ", "))."))
  }
}
