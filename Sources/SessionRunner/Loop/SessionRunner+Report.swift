import Foundation
import Research
import SessionModel
import Store

extension SessionRunner {
  /// The therapist's page for the session just run, beside its export; a failure is a warning,
  /// never a lost session. A demonstration writes the page without printing a PDF.
  func writeSessionReport(_ session: SessionID, from database: SessionDatabase, to folder: URL) -> ReportFile? {
    do {
      let html = try Reports.session(session, in: database).html(in: configuration.language)
      let file = try ReportFile.write(
        html, named: ReportFile.name("session", session.rawValue), in: folder,
        printing: !configuration.isDemonstration)
      if let problem = file.pdfProblem { warnings.append(problem) }
      return file
    } catch {
      warnings.append(
        LocalizedText(
          fr: "Le rapport de séance n'a pas pu être écrit : \(error.localizedDescription)",
          en: "The session report could not be written: \(error.localizedDescription)"))
      return nil
    }
  }
}
