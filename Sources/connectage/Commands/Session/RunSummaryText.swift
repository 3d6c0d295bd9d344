import Foundation
import SessionModel
import SessionRunner

/// The few lines a therapist reads when a session ends.
enum RunSummaryText {
  static func lines(_ summary: RunSummary, warnings: [LocalizedText]) -> [LocalizedText] {
    let ended = summary.stoppedBySignal.map { Self.signalName($0) }
    let trials = Self.trials(summary)
    var lines = [
      LocalizedText(
        fr:
          "Séance \(summary.session) \(ended.map { "arrêtée à la demande du système (\($0))" } ?? "terminée") : \(trials.french), \(summary.players) joueur(s), \(summary.recordings.count) réponse(s) enregistrée(s) dont \(summary.measuredAnswers) mesurée(s), \(summary.releasedScents) odeur(s) diffusée(s), \(summary.events) événement(s) journalisé(s).",
        en:
          "Session \(summary.session) \(ended.map { "stopped at the system's request (\($0))" } ?? "finished"): \(trials.english), \(summary.players) player(s), \(summary.recordings.count) answer(s) recorded of which \(summary.measuredAnswers) measured, \(summary.releasedScents) scent(s) released, \(summary.events) event(s) logged."
      )
    ]
    if let resumed = summary.resumed {
      lines.insert(
        LocalizedText(
          fr: "Reprise de la séance interrompue \(resumed.session) à l'essai \(resumed.atTrial).",
          en: "Resumed the interrupted session \(resumed.session) at trial \(resumed.atTrial)."), at: 0)
    }
    if let export = summary.exportDirectory {
      lines.append(
        LocalizedText(
          fr: "Mesures exportées dans \(export.path) (measures.csv, events.csv, codebook.csv, event_types.csv).",
          en: "Measures exported to \(export.path) (measures.csv, events.csv, codebook.csv, event_types.csv)."))
    }
    if let report = summary.report {
      let files = [report.page.path] + (report.pdf.map { [$0.path] } ?? [])
      lines.append(
        LocalizedText(
          fr: "Rapport de séance : \(files.joined(separator: ", ")).",
          en: "Session report: \(files.joined(separator: ", "))."))
    }
    if summary.droppedFrames > 0 {
      lines.append(
        LocalizedText(
          fr: "Affichage : \(summary.droppedFrames) trame(s) en retard sur \(summary.frames).",
          en: "Display: \(summary.droppedFrames) late frame(s) out of \(summary.frames)."))
    }
    return lines + warnings.map { LocalizedText(fr: "Attention : \($0.french)", en: "Warning: \($0.english)") }
  }

  /// The trials run, and the planned ones when the session ended before them all.
  private static func trials(_ summary: RunSummary) -> LocalizedText {
    guard summary.trialsRun < summary.plannedTrials || summary.lastTrialCutShort else {
      return LocalizedText(fr: "\(summary.trialsRun) essai(s)", en: "\(summary.trialsRun) trial(s)")
    }
    let (run, planned) = (summary.trialsRun, summary.plannedTrials)
    let cutShort = summary.lastTrialCutShort
    return LocalizedText(
      fr: "\(run) essai(s) sur \(planned) prévu(s)\(cutShort ? ", le dernier interrompu" : "")",
      en: "\(run) of \(planned) planned trial(s)\(cutShort ? ", the last one cut short" : "")")
  }

  /// The failure a command ends with after a signal stopped its session: the session closed
  /// properly, but a script or the system must see that it was cut short (exit 128 + the signal).
  static func stopFailure(_ summary: RunSummary) -> CommandFailure? {
    guard let signal = summary.stoppedBySignal else { return nil }
    let text = LocalizedText(
      fr:
        "Arrêt demandé par le système (\(signalName(signal))) : la séance a été close proprement, ses odeurs arrêtées et ses réponses enregistrées.",
      en:
        "Stop asked by the system (\(signalName(signal))): the session was closed properly, its scents stopped and its answers saved."
    )
    return CommandFailure(message: text.text(in: Terminal.language), exitCode: 128 + signal)
  }

  private static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: "signal \(signal)"
    }
  }
}
