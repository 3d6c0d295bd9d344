import Foundation
import ScentKit
import SessionEngine
import SessionModel

/// The session's commands to one diffuser, carried out one at a time in the order it issued them.
///
/// A single task takes each command after the previous one has its answer (or its failure), so
/// a stop can never reach the device before the release it ends, and a purge never before the
/// stop. Every outcome is logged: the diffuser logs what it sent and what the device answered,
/// and the queue logs `scent.command.failed` for every command that failed, whatever the reason.
/// Release outcomes also go back to the engine through the inbox.
final class DiffuserCommandQueue: Sendable {
  enum Command: Sendable {
    case release(Scent, intensity: Int, durationMilliseconds: Int)
    case stopAll
    case purge(milliseconds: Int)
  }

  private let diffuser: Diffuser
  private let commands: AsyncStream<Command>.Continuation
  private let worker: Task<Void, Never>

  /// - Parameters:
  ///   - log: records one event of the session.
  ///   - released: called with each acknowledged release.
  init(
    diffuser: Diffuser, inbox: LockedBuffer<SessionInput>,
    log: @escaping @Sendable (ScentLogEvent) -> Void,
    released: @escaping @Sendable (ReleaseReceipt) -> Void
  ) {
    self.diffuser = diffuser
    let (stream, continuation) = AsyncStream.makeStream(of: Command.self)
    commands = continuation
    worker = Task {
      for await command in stream {
        await Self.carryOut(command, on: diffuser, inbox: inbox, log: log, released: released)
      }
    }
  }

  func append(_ command: Command) {
    commands.yield(command)
  }

  /// Takes no more commands and waits until those already queued are carried out, for at most
  /// `limit`; past it the diffuser is shut down, so the rest fail at once (and are logged).
  /// Returns false when the limit was reached.
  @discardableResult
  func drain(within limit: Duration) async -> Bool {
    commands.finish()
    let worker = self.worker
    let diffuser = self.diffuser
    return await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        await worker.value
        return true
      }
      group.addTask {
        try? await Task.sleep(for: limit)
        return false
      }
      let drained = await group.next() ?? false
      if !drained { await diffuser.shutdown() }
      group.cancelAll()
      return drained
    }
  }

  private static func carryOut(
    _ command: Command, on diffuser: Diffuser, inbox: LockedBuffer<SessionInput>,
    log: @Sendable (ScentLogEvent) -> Void, released: @Sendable (ReleaseReceipt) -> Void
  ) async {
    do {
      switch command {
      case .release(let scent, let intensity, let milliseconds):
        let receipt = try await diffuser.release(scent, intensity: intensity, duration: .milliseconds(milliseconds))
        released(receipt)
        inbox.append(
          .scentReleased(
            scent.id, startedAt: receipt.startNanoseconds, endsAt: receipt.endNanoseconds,
            acknowledgedAt: receipt.acknowledgedNanoseconds))
      case .stopAll:
        try await diffuser.stopAll()
      case .purge(let milliseconds):
        try await diffuser.purge(for: .milliseconds(milliseconds))
      }
    } catch {
      log(.commandFailed(error: error.code, details: command.details))
      guard case .release(let scent, _, _) = command else { return }
      switch error {
      case .timeout, .answerLost:
        // The device may have released: only its acknowledgement, if it comes late, will say.
        inbox.append(.scentUnconfirmed(scent.id, reason: error.explanation))
      default:
        inbox.append(.scentRefused(scent.id, reason: error.explanation))
      }
    }
  }
}

extension DiffuserCommandQueue.Command {
  /// What the failure event says about the command.
  var details: [String: String] {
    switch self {
    case .release(let scent, let intensity, let milliseconds):
      [
        "command": "release", "scent": scent.id.rawValue, "channel": scent.slot.description,
        "intensity": String(intensity), "duration_ms": String(milliseconds),
      ]
    case .stopAll: ["command": "stop", "channel": "all"]
    case .purge(let milliseconds): ["command": "purge", "duration_ms": String(milliseconds)]
    }
  }
}
