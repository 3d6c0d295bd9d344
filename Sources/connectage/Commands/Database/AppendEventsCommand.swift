import ArgumentParser
import Foundation
import SessionModel

/// `connectage db append-events --session S --count N` (hidden): the durability test's writer.
///
/// Prints each sequence number only after `append` returned, straight to file descriptor 1 with no
/// buffering, so every number the test reads names an event that must survive a SIGKILL.
struct AppendEventsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "append-events", abstract: "Append test events and print their sequence numbers.",
    shouldDisplay: false)

  @OptionGroup var store: StoreOptions

  @Option(help: "Session the events belong to.") var session: String
  @Option(help: "How many events to append.") var count: Int

  func run() throws {
    guard count > 0 else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--count : donnez un nombre d'événements positif.", en: "--count: give a positive number of events."))
    }
    let session = SessionID(rawValue: session)
    try store.withDatabase(creating: true) { database in
      let log = database.eventLog
      for index in 1...count {
        let sequence = try log.append(
          SessionEvent(
            session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
            .session(.durabilityProbe(index: index))))
        FileHandle.standardOutput.write(Data("\(sequence)\n".utf8))
      }
    }
  }
}
