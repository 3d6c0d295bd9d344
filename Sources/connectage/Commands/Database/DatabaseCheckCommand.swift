import ArgumentParser

/// `connectage db check`: exit 0 when healthy, 1 when a problem is found.
struct DatabaseCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the file's integrity, references, events and recordings (exit 1 on a problem).")

  @OptionGroup var store: StoreOptions

  func run() throws {
    let report = try store.withDatabase { database in try database.check.run() }
    Terminal.say(report.summary)
    if !report.isHealthy {
      throw ExitCode(CommandFailure.runtimeFailure)
    }
  }
}
