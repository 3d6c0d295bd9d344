import Foundation
import SessionModel

/// A gentle sine chime: soft attack, long fading tail, a comfortable level well under full scale.
enum Chime {
  /// About a fifth of full scale: audible in a quiet room, never startling.
  static let peakLevel = 0.2
  static let noteDuration = 0.18
  /// The attack, long enough to avoid a click.
  static let attack = 0.012

  static func samples(for sound: FeedbackSound, sampleRate: Int) -> [Int16] {
    let noteLength = Int(noteDuration * Double(sampleRate))
    let tail = Int(0.25 * Double(sampleRate))
    var mix = [Double](repeating: 0, count: noteLength * sound.notes.count + tail)
    for (index, frequency) in sound.notes.enumerated() {
      let start = index * noteLength
      let length = noteLength + tail
      for offset in 0..<length where start + offset < mix.count {
        let time = Double(offset) / Double(sampleRate)
        let rise = min(1, time / attack)
        let fall = exp(-time * 9)
        mix[start + offset] += sin(2 * .pi * frequency * time) * rise * fall
      }
    }
    let loudest = mix.map(abs).max() ?? 1
    let gain = loudest > 0 ? peakLevel / loudest : 0
    return mix.map { Int16(($0 * gain * 32767).rounded()) }
  }
}
