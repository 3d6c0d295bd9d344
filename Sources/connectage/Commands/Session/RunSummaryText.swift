import Foundation
import SessionModel
import SessionRunner

/// The few lines a therapist reads when a session ends.
enum RunSummaryText {
  static func lines(_ summary: RunSummary, warnings: [LocalizedText]) -> [LocalizedText] {
    let trials = Self.trials(summary)
    let ended = Self.ending(summary)
    var lines = [
      LocalizedText(
        fr:
          "Séance \(summary.session) \(ended.french) : \(trials.french), \(summary.players) joueur(s), \(summary.recordings.count) réponse(s) enregistrée(s) dont \(summary.measuredAnswers) mesurée(s), \(summary.releasedScents) odeur(s) diffusée(s), \(summary.events) événement(s) journalisé(s).",
        en:
          "Session \(summary.session) \(ended.english): \(trials.english), \(summary.players) player(s), \(summary.recordings.count) answer(s) recorded of which \(summary.measuredAnswers) measured, \(summary.releasedScents) scent(s) released, \(summary.events) event(s) logged."
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

  private static func ending(_ summary: RunSummary) -> LocalizedText {
    if let signal = summary.stoppedBySignal {
      return LocalizedText(
        fr: "arrêtée à la demande du système (\(signalName(signal)))",
        en: "stopped at the system's request (\(signalName(signal)))")
    }
    if let signal = summary.signalAfterTheEnd {
      return LocalizedText(
        fr: "terminée ; arrêt demandé par le système (\(signalName(signal))) après la fin de la séance",
        en: "finished; stop asked by the system (\(signalName(signal))) after the session had ended")
    }
    return LocalizedText(fr: "terminée", en: "finished")
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
  /// A signal after the session's end is told too: it cut nothing short, but the program did not
  /// end on its own.
  static func stopFailure(_ summary: RunSummary) -> CommandFailure? {
    let text: LocalizedText
    let signal: Int32
    if let stopped = summary.stoppedBySignal {
      signal = stopped
      text = LocalizedText(
        fr:
          "Arrêt demandé par le système (\(signalName(signal))) : la séance a été close proprement, ses odeurs arrêtées et ses réponses enregistrées.",
        en:
          "Stop asked by the system (\(signalName(signal))): the session was closed properly, its scents stopped and its answers saved."
      )
    } else if let late = summary.signalAfterTheEnd {
      signal = late
      text = LocalizedText(
        fr:
          "Arrêt demandé par le système (\(signalName(signal))) après la fin de la séance : le programme a fini de mesurer ses réponses et d'écrire ses exports avant de s'arrêter.",
        en:
          "Stop asked by the system (\(signalName(signal))) after the session had ended: the program finished measuring its answers and writing its exports before stopping."
      )
    } else {
      return nil
    }
    return CommandFailure(message: text.text(in: Terminal.language), exitCode: 128 + signal)
  }

  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: "signal \(signal)"
    }
  }
}
