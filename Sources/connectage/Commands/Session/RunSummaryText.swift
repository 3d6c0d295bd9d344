import SessionModel
import SessionRunner

/// The few lines a therapist reads when a session ends.
enum RunSummaryText {
  static func lines(_ summary: RunSummary, warnings: [LocalizedText]) -> [LocalizedText] {
    var lines = [
      LocalizedText(
        fr:
          "Séance \(summary.session) terminée : \(summary.trials) essai(s), \(summary.players) joueur(s), \(summary.recordings.count) réponse(s) enregistrée(s) dont \(summary.measuredAnswers) mesurée(s), \(summary.releasedScents) odeur(s) diffusée(s), \(summary.events) événement(s) journalisé(s).",
        en:
          "Session \(summary.session) finished: \(summary.trials) trial(s), \(summary.players) player(s), \(summary.recordings.count) answer(s) recorded of which \(summary.measuredAnswers) measured, \(summary.releasedScents) scent(s) released, \(summary.events) event(s) logged."
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
}
