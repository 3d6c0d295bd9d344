import ArgumentParser
import Foundation
import Research
import SessionModel
import Store

/// `connectage analyze memories import`: saves the memory counts of a filled coding sheet.
struct AnalyzeMemoriesImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Save the confirmed memory counts of a filled coding sheet.",
    discussion: """
      The whole sheet is checked first; any error is reported as FILE:LINE and nothing is saved. \
      Rows with an empty memories_n are skipped. Importing again replaces that coder's earlier coding \
      of the same answers; another coder's coding is kept beside it (measures.csv shows the latest).
      """)

  @OptionGroup var store: StoreOptions

  @Argument(help: ArgumentHelp("The filled coding sheet.", valueName: "file.csv"))
  var file: String

  @Option(
    help: ArgumentHelp(
      "Coder code for rows whose coder column is empty (a code such as ORT1, never a name).", valueName: "code"))
  var coder: String?

  func run() throws {
    if let coder, !ParticipantCode.isValid(coder) {
      throw CommandFailure.badInput(StoreError.coderIsNotACode(coder).message)
    }
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Impossible de lire « \(file) » en UTF-8 : vérifiez le chemin, ou enregistrez la feuille en CSV UTF-8.",
          en: "Cannot read '\(file)' as UTF-8: check the path, or save the sheet as UTF-8 CSV."))
    }
    typealias Result = (reading: MemoryCodingSheet.Reading, outcome: MeasureRepository.CodingOutcome?)
    let (reading, outcome) = try store.withDatabase { database throws -> Result in
      let answers = try MemoryCodingSheet.answerIDs(in: database)
      let reading = MemoryCodingSheet.read(text, answers: answers, defaultCoder: coder)
      guard reading.problems.isEmpty, !reading.codings.isEmpty else { return (reading, nil) }
      return (reading, try MemoryCodingSheet.save(reading.codings, in: database, at: Date()))
    }
    guard let outcome else {
      for problem in reading.problems.dropLast() {
        Terminal.printError(problem.message(file: file).text(in: Terminal.language))
      }
      guard let last = reading.problems.last else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "\(file) : aucune ligne n'a de memories_n ; remplissez memories_n, puis relancez l'import.",
            en: "\(file): no row has a memories_n; fill memories_n, then import again."))
      }
      throw CommandFailure.badInput(last.message(file: file))
    }
    Terminal.say(
      LocalizedText(
        fr:
          "\(outcome.saved) réponse(s) codée(s) ; \(outcome.replaced) codage(s) du même codeur remplacé(s) ; \(outcome.besideOtherCoders) gardée(s) à côté du codage d'un autre codeur ; \(reading.unfilledRows) ligne(s) sans memories_n laissée(s) de côté.",
        en:
          "\(outcome.saved) answer(s) coded; \(outcome.replaced) coding(s) by the same coder replaced; \(outcome.besideOtherCoders) kept beside another coder's coding; \(reading.unfilledRows) row(s) without memories_n left aside."
      ))
  }
}
