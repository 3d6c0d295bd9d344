import ArgumentParser
import Research
import SessionModel
import Store

/// `connectage export all --out DIR [filters]`: every format of ``ExportWriters/all`` (CSV, CHAT,
/// TextGrid) in one folder, one manifest.
struct ExportAllCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all", abstract: "Write the CSV tables, the CHAT files and the TextGrids into one folder.")

  @OptionGroup var options: ExportOptions

  func run() throws {
    let writers = ExportWriters.all
    let summaries = try zip(writers, options.export(writers)).map { writer, files in writer.summary(of: files) }
    Terminal.say(
      LocalizedText(
        fr: "Export écrit dans \(options.out) : \(summaries.map(\.french).joined(separator: ", ")). "
          + ExportOptions.manifestSentence.french,
        en: "Export written to \(options.out): \(summaries.map(\.english).joined(separator: ", ")). "
          + ExportOptions.manifestSentence.english))
  }
}
