import Foundation
import SessionModel
import Store

/// Writes session events to the durable log off the main thread, in the order they happened.
///
/// A durable append waits for the disk (about 4 ms, docs/PERFORMANCE.md); the screen must not.
/// Events queue here and one writer appends whatever has queued in one transaction, so a burst
/// costs one flush and a crash loses at most the last few milliseconds, never the order.
final class EventJournal: Sendable {
  private let queued: LockedBuffer<SessionEvent>
  private let wakeUp: AsyncStream<Void>.Continuation
  private let writer: Task<Result<Int, JournalFailure>, Never>

  struct JournalFailure: Error {
    var detail: String
  }

  init(log: EventLog) {
    let (signals, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    self.wakeUp = wakeUp
    let queued = LockedBuffer<SessionEvent>()
    self.queued = queued
    writer = Task.detached(priority: .userInitiated) {
      var written = 0
      func flush() -> JournalFailure? {
        let batch = queued.takeAll()
        guard !batch.isEmpty else { return nil }
        do {
          written += try log.append(contentsOf: batch).count
          return nil
        } catch {
          return JournalFailure(detail: "\(error)")
        }
      }
      for await _ in signals {
        if let failure = flush() { return .failure(failure) }
      }
      if let failure = flush() { return .failure(failure) }
      return .success(written)
    }
  }

  func record(_ event: SessionEvent) {
    queued.append(event)
    wakeUp.yield()
  }

  /// Waits until every recorded event is on disk; returns how many were written.
  func finish() async throws -> Int {
    wakeUp.finish()
    return try await writer.value.get()
  }
}
