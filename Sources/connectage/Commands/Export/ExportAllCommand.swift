import ArgumentParser
import SessionModel
import Store

/// `connectage export all --out DIR [filters]`: CSV, CHAT and TextGrid in one folder, one manifest.
struct ExportAllCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all", abstract: "Write the CSV tables, the CHAT files and the TextGrids into one folder.")

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export(transcripts: true) { snapshot in
      try CSVExport().files(for: snapshot) + CHATExport().files(for: snapshot) + TextGridExport().files(for: snapshot)
    }
    let chat = files.filter { $0.name.hasPrefix("chat/") }
    let grids = files.filter { $0.name.hasPrefix("textgrid/") }
    let rows = files.first { $0.name == "measures.csv" }?.rowCount ?? 0
    Terminal.say(
      LocalizedText(
        fr: "Export écrit dans \(options.out) : measures.csv (\(rows) lignes), events.csv, codebook.csv, "
          + "\(chat.count) fichier(s) CHAT, \(grids.count) TextGrid. " + ExportOptions.manifestSentence.french,
        en: "Export written to \(options.out): measures.csv (\(rows) rows), events.csv, codebook.csv, "
          + "\(chat.count) CHAT file(s), \(grids.count) TextGrid(s). " + ExportOptions.manifestSentence.english))
  }
}
