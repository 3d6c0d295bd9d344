import ArgumentParser
import SessionModel
import SessionRunner

/// `connectage db recover`: closes the sessions a crash left open and saves their answers.
struct DatabaseRecoverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recover",
    abstract: "Close sessions a crash left open: repair, measure and file their recordings.",
    discussion: "A new session does this by itself before it starts; this command does it without starting one.")

  @OptionGroup var store: StoreOptions

  func run() throws {
    let reports = try store.withDatabase { database in
      do {
        return try SessionRecovery(database: database).recoverAll()
      } catch {
        throw CommandFailure.runtime(
          LocalizedText(
            fr: "La récupération a échoué : \(error). Rien n'a été effacé ; relancez la commande.",
            en: "Recovery failed: \(error). Nothing was deleted; run the command again."))
      }
    }
    if reports.isEmpty {
      Terminal.say(LocalizedText(fr: "Aucune séance interrompue.", en: "No interrupted session."))
    }
    for report in reports { Terminal.say(report.summary) }
  }
}
