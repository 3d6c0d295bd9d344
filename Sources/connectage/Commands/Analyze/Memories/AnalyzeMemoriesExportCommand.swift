import ArgumentParser
import Foundation
import Research
import SessionModel
import Store

/// `connectage analyze memories export`: writes the coding sheet of the measured answers.
struct AnalyzeMemoriesExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a memory coding sheet (CSV) of the measured answers, blind to the condition.",
    discussion: """
      One row per analysed answer (the take counted in measures.csv): an opaque answer_id, the \
      transcript, the automatic pre-coding (memories_auto_n and its episodes), and empty memories_n \
      and coder columns to fill. No session, trial, participant, condition, stimulus, scent or \
      recording path, and rows in the order of their ids, so coders stay blind to the condition; \
      only this database maps the ids back on import. An existing file is never overwritten.
      """)

  @OptionGroup var store: StoreOptions

  @Option(help: ArgumentHelp("Only this session.", valueName: "session"))
  var session: String?

  @Option(help: ArgumentHelp("Only the sessions of this study.", valueName: "study"))
  var study: String?

  @Option(
    name: [.customLong("output"), .customLong("out")], help: ArgumentHelp("The sheet to write.", valueName: "file.csv"))
  var output: String

  func run() throws {
    let destination = URL(fileURLWithPath: output)
    if FileManager.default.fileExists(atPath: destination.path) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "« \(output) » existe déjà : choisissez un autre nom (une feuille remplie ne doit jamais être écrasée).",
          en: "'\(output)' already exists: choose another name (a filled sheet must never be overwritten)."))
    }
    let sheet = try store.withDatabase { database in
      try MemoryCodingSheet(
        database: database, session: session.map { SessionID(rawValue: $0) }, study: study.map { StudyID($0) })
    }
    guard !sheet.rows.isEmpty else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Aucune réponse mesurée ne correspond : vérifiez --session, --study et --db.",
          en: "No measured answer matches: check --session, --study and --db."))
    }
    do {
      try Data(sheet.csv.utf8).write(to: destination, options: .atomic)
    } catch {
      throw CommandFailure.runtime(
        LocalizedText(
          fr: "Impossible d'écrire « \(output) » : \(error.localizedDescription)",
          en: "Cannot write '\(output)': \(error.localizedDescription)"))
    }
    let transcribed = sheet.rows.count { $0.transcript != nil }
    Terminal.say(
      LocalizedText(
        fr:
          "\(sheet.rows.count) réponse(s) à coder dans \(output), dont \(transcribed) avec transcription. Remplissez memories_n (et coder), puis : connectage analyze memories import \(output) --coder CODE",
        en:
          "\(sheet.rows.count) answer(s) to code in \(output), \(transcribed) with a transcript. Fill memories_n (and coder), then: connectage analyze memories import \(output) --coder CODE"
      ))
  }
}
