import Foundation
import SessionModel
import Store

/// Writes session events to the durable log off the main thread, in the order they happened.
///
/// A durable append waits for the disk (about 4 ms, docs/PERFORMANCE.md); the screen must not.
/// Events queue here and one writer appends whatever has queued in one transaction, so a burst
/// costs one flush and a crash loses at most the last few milliseconds, never the order.
///
/// An append that fails (a full disk, a database locked by another process) loses nothing: the
/// batch is kept, later events queue behind it, and the writer tries again after a pause that
/// doubles up to ``RetryPolicy/longestPause``. While it fails, ``failure`` says why, so the
/// therapist is told at once rather than when the session ends.
final class EventJournal: Sendable {
  private let queued: LockedBuffer<SessionEvent>
  private let wakeUp: AsyncStream<Void>.Continuation
  private let writer: Task<Result<Int, JournalFailure>, Never>
  private let currentFailure: LockedValue<JournalFailure?>
  /// When ``finish()`` was called: from then on the writer's patience is counted.
  private let finishRequested: LockedValue<ContinuousClock.Instant?>

  struct JournalFailure: Error, CustomStringConvertible {
    var detail: String
    /// Events written to memory but not yet to the log.
    var unwritten: Int

    var description: String { "\(unwritten) event(s) not written: \(detail)" }
  }

  struct RetryPolicy: Sendable {
    var firstPause: Duration = .milliseconds(50)
    var longestPause: Duration = .seconds(2)
    /// How long ``EventJournal/finish()`` keeps trying once the session is over, before giving up.
    var patienceAfterFinish: Duration = .seconds(60)
  }

  init(log: EventLog, retry: RetryPolicy = RetryPolicy()) {
    let (signals, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    self.wakeUp = wakeUp
    let queued = LockedBuffer<SessionEvent>()
    self.queued = queued
    let currentFailure = LockedValue<JournalFailure?>(nil)
    self.currentFailure = currentFailure
    let finishRequested = LockedValue<ContinuousClock.Instant?>(nil)
    self.finishRequested = finishRequested
    writer = Task.detached(priority: .userInitiated) {
      var written = 0
      // Taken off the queue but not yet durable: always written before anything queued later.
      var pending: [SessionEvent] = []
      var pause = retry.firstPause
      var signal = signals.makeAsyncIterator()
      while true {
        pending += queued.takeAll()
        if pending.isEmpty {
          // The last signal comes after the last event: nothing can be queued once the stream ends.
          guard await signal.next() != nil else { return .success(written) }
          continue
        }
        do {
          written += try log.append(contentsOf: pending).count
          pending.removeAll()
          pause = retry.firstPause
          currentFailure.value = nil
        } catch {
          let failure = JournalFailure(detail: "\(error)", unwritten: pending.count + queued.count)
          currentFailure.value = failure
          if let finishedAt = finishRequested.value,
            ContinuousClock.now - finishedAt >= retry.patienceAfterFinish
          {
            return .failure(failure)
          }
          try? await Task.sleep(for: pause)
          pause = min(pause * 2, retry.longestPause)
        }
      }
    }
  }

  func record(_ event: SessionEvent) {
    queued.append(event)
    wakeUp.yield()
  }

  /// Why the last append failed, while the writer is still trying again; nil once the log is written.
  var failure: JournalFailure? { currentFailure.value }

  /// Waits until every recorded event is on disk; returns how many were written.
  func finish() async throws -> Int {
    finishRequested.value = .now
    wakeUp.finish()
    return try await writer.value.get()
  }
}

extension EventJournal.JournalFailure {
  /// What the therapist sees over the scene while the log cannot be written.
  var notice: LocalizedText {
    LocalizedText(
      fr:
        "Le journal de la séance ne s'écrit plus sur le disque : \(detail). \(unwritten) événement(s) attendent en mémoire ; libérez de la place ou fermez l'autre programme, l'écriture reprendra seule.",
      en:
        "The session log is no longer being written to disk: \(detail). \(unwritten) event(s) are waiting in memory; free some space or close the other program, writing will resume by itself."
    )
  }
}
