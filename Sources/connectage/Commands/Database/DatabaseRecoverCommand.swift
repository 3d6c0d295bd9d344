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
    let failed = reports.filter { $0.failure != nil }
    for report in reports where report.failure == nil { Terminal.say(report.summary) }
    // A session left open is a runtime failure: scripts and the therapist must not read success.
    guard let last = failed.last else { return }
    for report in failed.dropLast() { Terminal.printError(report.summary.text(in: Terminal.language)) }
    throw CommandFailure.runtime(last.summary)
  }
}
