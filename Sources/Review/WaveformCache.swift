import Foundation

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
