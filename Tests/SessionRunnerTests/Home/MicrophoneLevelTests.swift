import Foundation
import Testing

@testable import SessionRunner

/// The microphone check's arithmetic: levels from samples, the meter's scale, the verdict.
@Suite struct MicrophoneLevelTests {
  static func sine(amplitude: Double, count: Int = 1600) -> [Int16] {
    (0..<count).map { Int16(clamping: Int((amplitude * 32_767 * sin(Double($0) * 2 * .pi * 440 / 16_000)).rounded())) }
  }

  @Test(arguments: [
    (0.5, 0.3536, 0.5), (0.01, 0.00707, 0.01), (1.0, 0.7071, 1.0),
  ])
  func aSineHasTheTextbookLevels(_ amplitude: Double, _ rms: Double, _ peak: Double) {
    let level = MicrophoneLevel(samples: Self.sine(amplitude: amplitude))
    #expect(abs(level.rms - rms) < 0.002)
    #expect(abs(level.peak - peak) < 0.002)
  }

  @Test func silenceIsZero() {
    #expect(MicrophoneLevel(samples: []) == MicrophoneLevel(rms: 0, peak: 0))
    #expect(MicrophoneLevel(samples: [0, 0, 0]) == MicrophoneLevel(rms: 0, peak: 0))
  }

  @Test(arguments: [(0.0, 0.0), (0.001, 0.0), (0.01, 1.0 / 3), (0.1, 2.0 / 3), (1.0, 1.0)])
  func theMeterIsInDecibels(_ amplitude: Double, _ position: Double) {
    #expect(abs(MicrophoneLevel.meterPosition(amplitude) - position) < 1e-9)
  }

  @Test func theVerdictWaitsForSpeechThenJudges() {
    var hearing = MicrophoneHearing()
    for _ in 0..<19 { hearing.add(MicrophoneLevel(rms: 0.002, peak: 0.01)) }
    #expect(hearing.verdict == .waiting)
    hearing.add(MicrophoneLevel(rms: 0.002, peak: 0.01))
    #expect(hearing.verdict == .tooQuiet)
    hearing.add(MicrophoneLevel(rms: 0.05, peak: 0.3))
    #expect(hearing.verdict == .good)
    hearing.add(MicrophoneLevel(rms: 0.4, peak: 0.99))
    #expect(hearing.verdict == .clipping, "one clipped moment is enough to warn")
  }
}
