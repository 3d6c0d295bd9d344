import Foundation
import Store

/// The queue's order and the answer each opaque id names, read once and kept: the id is a keyed
/// hash, so finding an answer by id otherwise means hashing every answer on every request.
final class QueueIndex: @unchecked Sendable {
  struct Snapshot {
    var ids: [String]
    var answers: [String: AnswerKey]
    var positions: [String: Int]
  }

  private let lock = NSLock()
  private var snapshot: Snapshot?

  /// The index, read from `entries` when none is kept yet or `refresh` asks for it.
  func current<Failure: Error>(refresh: Bool = false, reading entries: () throws(Failure) -> [ReviewQueueEntry])
    throws(Failure) -> Snapshot
  {
    if !refresh, let kept = lock.withLock({ snapshot }) { return kept }
    let list = try entries()
    var answers: [String: AnswerKey] = [:]
    var positions: [String: Int] = [:]
    for (index, entry) in list.enumerated() {
      answers[entry.id] = entry.answer
      positions[entry.id] = index
    }
    let made = Snapshot(ids: list.map(\.id), answers: answers, positions: positions)
    lock.withLock { snapshot = made }
    return made
  }
}

/// Waveforms already computed, by answer id: a recording never changes under its checksum.
final class WaveformCache: @unchecked Sendable {
  private let lock = NSLock()
  private var peaks: [String: WaveformPeaks] = [:]

  func peaks<Failure: Error>(of id: String, computing: () throws(Failure) -> WaveformPeaks) throws(Failure)
    -> WaveformPeaks
  {
    if let kept = lock.withLock({ peaks[id] }) { return kept }
    let made = try computing()
    lock.withLock { peaks[id] = made }
    return made
  }
}
