import ArgumentParser
import Foundation
import Research
import SessionModel
import SpeechKit
import Store

/// `connectage analyze session`: measures the stored answers again with the transcripts now
/// beside their recordings, and files the new measures.
struct AnalyzeSessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "Measure stored answers again, with the transcripts put beside their recordings.",
    discussion: """
      After a session, put each answer's transcript beside its recording under the same name \
      (G01-S01-T1-P01-turn1.cha, .TextGrid, .json or .txt beside G01-S01-T1-P01-turn1.wav), then run this \
      command: word counts, ideas and memories are measured and filed, ready for export and stats. \
      The speech measured is the participant's (speaker P01 for P01), else PAR's, else the only \
      speaker's; an answer without it is filed with its measures missing and the reason, never 0. \
      A recording changed since the session, or a transcript whose times are off its recording, is \
      refused (exit 2) and nothing is filed.
      """)

  @OptionGroup var store: StoreOptions

  @Option(help: ArgumentHelp("Only this session.", valueName: "session"))
  var session: String?

  @Option(help: ArgumentHelp("Only the sessions of this study.", valueName: "study"))
  var study: String?

  func run() throws {
    let filed = try store.withDatabase { database in
      do {
        return try database.answers.remeasure(session: session.map { SessionID($0) }, study: study.map { StudyID($0) })
      } catch let error as AudioError {
        throw CommandFailure.badInput(error.message)
      }
    }
    guard !filed.isEmpty else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Aucune réponse enregistrée ne correspond : vérifiez --session, --study et --db.",
          en: "No recorded answer matches: check --session, --study and --db."))
    }
    let rows = filed.map { answer -> [String] in
      let measures = answer.measures
      return [
        answer.answer.session.rawValue, answer.answer.trial.rawValue, answer.answer.participant.rawValue,
        measures.words.map(String.init) ?? "–", measures.ideas.map(String.init) ?? "–",
        measures.automaticMemories.map(String.init) ?? "–",
        answer.transcript?.lastPathComponent
          ?? LocalizedText(fr: "(audio seul)", en: "(audio only)").text(in: Terminal.language),
        MissingMeasureReason.code(of: answer.missing) ?? "",
      ]
    }
    let header = LocalizedText(
      fr: "séance|essai|participant|mots|idées|souvenirs|transcription|manquant",
      en: "session|trial|participant|words|ideas|memories|transcript|missing"
    ).text(in: Terminal.language).split(separator: "|").map(String.init)
    Terminal.print(ProtocolInput.table([header] + rows))
    let transcribed = filed.count { $0.transcript != nil }
    Terminal.say(
      LocalizedText(
        fr:
          "\(filed.count) réponse(s) mesurée(s) et enregistrée(s), dont \(transcribed) avec transcription ; \(filed.count - transcribed) mesurée(s) sur l'audio seul.",
        en:
          "\(filed.count) answer(s) measured and filed, \(transcribed) with a transcript; \(filed.count - transcribed) from the audio only."
      ))
  }
}
