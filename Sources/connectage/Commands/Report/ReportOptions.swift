import ArgumentParser
import Foundation
import Research
import SessionModel
import Store

/// What every report takes: the database, the language, the folder, and whether to print a PDF.
struct ReportOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions
  @OptionGroup var central: CentralSourceOptions

  @Option(
    name: .customLong("lang"), help: ArgumentHelp("Language of the report: fr (default) or en.", valueName: "fr|en"))
  var languageCode: String?

  @Option(
    name: [.customLong("out"), .customLong("output")], help: ArgumentHelp("Folder for the report.", valueName: "folder")
  )
  var out = "reports"

  @Flag(help: "Write the HTML page only, without printing a PDF.") var noPdf = false

  func language() throws -> Language {
    guard let languageCode else { return Terminal.language }
    guard let language = Language(rawValue: languageCode) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "« \(languageCode) » n'est pas une langue de --lang : fr ou en.",
          en: "'\(languageCode)' is not a language for --lang: fr or en."))
    }
    return language
  }

  /// Builds the report's page from the database and writes it (and its PDF), saying where.
  func write(named name: String, _ page: (SessionDatabase, Language) throws -> String) throws {
    let language = try language()
    let html = try central.withDatabase(store) { database in
      do {
        return try page(database, language)
      } catch let error as ReportError {
        throw CommandFailure.badInput(error.message)
      }
    }
    let file: ReportFile
    do {
      file = try ReportFile.write(html, named: name, in: URL(fileURLWithPath: out), printing: !noPdf)
    } catch {
      throw CommandFailure.runtime(
        LocalizedText(
          fr: "Le rapport n'a pas pu être écrit dans \(out) : \(error.localizedDescription)",
          en: "The report could not be written to \(out): \(error.localizedDescription)"))
    }
    Terminal.say(LocalizedText(fr: "Rapport écrit : \(file.page.path)", en: "Report written: \(file.page.path)"))
    if let pdf = file.pdf { Terminal.say(LocalizedText(fr: "PDF : \(pdf.path)", en: "PDF: \(pdf.path)")) }
    if let problem = file.pdfProblem { Terminal.say(problem) }
  }
}
