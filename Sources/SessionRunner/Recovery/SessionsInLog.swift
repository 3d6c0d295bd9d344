import Foundation
import SessionModel
import Store

/// What the log says about every session's life: which opened, which were closed, where each one's
/// folder is, and which ended last, read from the few event types that say it.
struct SessionsInLog {
  private(set) var opened: [SessionID] = []
  private(set) var closed: Set<SessionID> = []
  /// The session whose `session.ended` comes last in the log.
  private(set) var lastEnded: SessionID?
  private var folders: [SessionID: URL] = [:]

  init(database: SessionDatabase) throws {
    let types: [EventType] = [.sessionOpened, .sessionEnded, .sessionInterrupted, .runnerStarted]
    for stored in try database.eventLog.events(ofTypes: types) {
      let event = stored.event
      switch event.kind {
      case .session(.opened): opened.append(event.session)
      case .session(.ended):
        closed.insert(event.session)
        lastEnded = event.session
      case .session(.interrupted): closed.insert(event.session)
      case .session(.runnerStarted(let run)):
        // Relative to the database's folder when the run's output was inside it.
        folders[event.session] = run.output.map {
          database.recordingFile(atStoredPath: $0).appendingPathComponent(event.session.rawValue, isDirectory: true)
        }
      default: break
      }
    }
  }

  /// Whether a process still runs the session: it holds the lock on the session's folder.
  func isRunning(_ session: SessionID) -> Bool {
    folders[session].map(SessionLock.isHeld(in:)) ?? false
  }
}
