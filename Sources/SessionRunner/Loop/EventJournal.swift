import Foundation
import SessionModel
import Store

/// Writes session events to the durable log off the main thread, in the order they happened.
///
/// A durable append waits for the disk (about 4 ms, docs/PERFORMANCE.md); the screen must not.
/// Events queue here and one writer appends whatever is due in one transaction.
///
/// Events come from several threads, each stamped when it happened: the frame loop stamps an
/// input's effects with the input's time, the diffuser stamps what it sent when it sent it. They
/// can reach the queue in another order than their times. The writer is the one place that decides
/// the stored order: it lets each event settle for ``settling`` after its time, then writes what is
/// due sorted by time, so the sequence numbers follow the clock. An event that comes later still
/// than that (a thread stalled for longer) is never written before one already stored: it takes
/// the last written time and keeps its own in the payload as `happenedAtNanoseconds`.
///
/// So a killed process loses at most the events of its last ``settling`` plus one commit (the
/// crash test measures it, docs/PERFORMANCE.md); a power cut loses no more, since each commit is
/// synchronous (``EventLog``).
///
/// An append that fails (a full disk, a database locked by another process) loses nothing: the
/// batch is kept, later events queue behind it, and the writer tries again after a pause that
/// doubles up to ``RetryPolicy/longestPause``. While it fails, ``failure`` says why, so the
/// therapist is told at once rather than when the session ends.
final class EventJournal: Sendable {
  /// How long after its time an event may still reach the queue and be put in its place: two
  /// frames, the longest the loop takes between stamping an input and logging what it caused.
  static let settling: UInt64 = 40_000_000

  private let queued: LockedBuffer<SessionEvent>
  private let wakeUp: AsyncStream<Void>.Continuation
  private let writer: Task<Result<Int, JournalFailure>, Never>
  private let currentFailure: LockedValue<JournalFailure?>
  /// When ``finish()`` was called: from then on every queued event is due, and the writer's
  /// patience is counted.
  private let finishRequested: LockedValue<ContinuousClock.Instant?>
  private let trace: EventTrace?
  /// The time of the last event on disk: every event up to it that had reached the queue is written.
  private let writtenThrough: LockedValue<UInt64>

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

  init(
    log: EventLog, retry: RetryPolicy = RetryPolicy(), settling: UInt64 = EventJournal.settling,
    trace: EventTrace? = EventTrace.fromEnvironment()
  ) {
    let (signals, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    self.wakeUp = wakeUp
    self.trace = trace
    let queued = LockedBuffer<SessionEvent>()
    self.queued = queued
    let currentFailure = LockedValue<JournalFailure?>(nil)
    self.currentFailure = currentFailure
    let finishRequested = LockedValue<ContinuousClock.Instant?>(nil)
    self.finishRequested = finishRequested
    let writtenThrough = LockedValue<UInt64>(0)
    self.writtenThrough = writtenThrough
    writer = Task.detached(priority: .userInitiated) {
      var written = 0
      var order = TimeOrderedEvents()
      var pause = retry.firstPause
      var signal = signals.makeAsyncIterator()
      while true {
        order.receive(queued.takeAll())
        if order.isEmpty {
          // The last signal comes after the last event: nothing can be queued once the stream ends.
          guard await signal.next() != nil else { return .success(written) }
          continue
        }
        let isFinishing = finishRequested.value != nil
        let now = MonotonicClock.nanoseconds()
        let due = order.due(before: isFinishing ? .max : now > settling ? now - settling : 0)
        guard !due.isEmpty else {
          // The earliest event settles first; anything queued meanwhile is later or already late.
          // Short naps, so that finish() never waits for a whole settling time.
          let wait = order.earliestTime.map { $0 + settling > now ? $0 + settling - now : 0 } ?? 0
          try? await Task.sleep(for: .nanoseconds(Int64(min(wait, 10_000_000))))
          continue
        }
        do {
          written += try log.append(contentsOf: due).count
          order.markWritten(due)
          writtenThrough.value = order.lastWrittenTime
          pause = retry.firstPause
          currentFailure.value = nil
        } catch {
          let failure = JournalFailure(detail: "\(error)", unwritten: order.count + queued.count)
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
    trace?.note(event)
    queued.append(event)
    wakeUp.yield()
  }

  /// Whether the events recorded so far up to `time` are on disk.
  func hasWritten(through time: UInt64) -> Bool { writtenThrough.value >= time }

  /// Why the last append failed, while the writer is still trying again; nil once the log is written.
  var failure: JournalFailure? { currentFailure.value }

  /// Writes every recorded event, settled or not, and waits until all are on disk; returns how
  /// many were written.
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
