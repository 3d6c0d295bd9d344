import Foundation
import SpeechKit

/// The reference ("true") speech of a clean synthesized answer, by a rule that owes nothing to the
/// detector under test: a sample is active when its magnitude is within `levelBelowPeak` dB of the
/// clip's peak; active runs closer than `mergeGap` seconds are one segment (articulatory closures
/// and stop gaps are not pauses). Applied to the dry answer alone, before the room, the noise, the
/// other voices and the therapist's prompt are added.
public enum ReferenceSpeech {
  public static let levelBelowPeak = 40.0
  public static let mergeGap = 0.150
  /// Documented with the figures, so a reader knows what "the truth" was.
  public static let rule = "clean clip: |sample| ≥ peak − 40 dB, gaps < 150 ms merged"

  public static func segments(of clean: [Float], sampleRate: Int) -> [SpeechSegment] {
    let peak = clean.reduce(Float(0)) { max($0, abs($1)) }
    guard peak > 0 else { return [] }
    let level = peak * Float(pow(10, -levelBelowPeak / 20))
    let merge = Int(mergeGap * Double(sampleRate))
    var runs: [(Int, Int)] = []
    for (index, sample) in clean.enumerated() where abs(sample) >= level {
      if let last = runs.last, index - last.1 < merge {
        runs[runs.count - 1].1 = index + 1
      } else {
        runs.append((index, index + 1))
      }
    }
    let rate = Double(sampleRate)
    return runs.map { SpeechSegment(start: Double($0.0) / rate, end: Double($0.1) / rate) }
  }
}
