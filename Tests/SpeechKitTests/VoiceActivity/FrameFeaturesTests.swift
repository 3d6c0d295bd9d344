import Testing

@testable import SpeechKit

struct FrameFeaturesTests {
  static func features(frames: Int) -> FrameFeatures {
    var features = FrameFeatures()
    features.bandLevel = (0..<frames).map(Float.init)
    features.highBandLevel = (0..<frames).map { Float($0) + 1000 }
    features.periodicity = (0..<frames).map { Float($0) / 1000 }
    features.envelope = (0..<(frames * 10)).map(Float.init)
    return features
  }

  /// The features from a time on line up with the frames and 1 ms steps of the whole recording.
  @Test func startingAtATimeKeepsFramesAndEnvelopeAligned() {
    let tail = Self.features(frames: 300).starting(at: 1.25)
    #expect(tail.frameCount == 175)
    #expect(tail.bandLevel.first == 125)
    #expect(tail.highBandLevel.first == 1125)
    #expect(tail.periodicity.first == 0.125)
    #expect(tail.envelope.first == 1250)
    #expect(tail.envelope.count == 1750)
  }

  @Test("a time outside the recording gives all of it or none", arguments: [(-1.0, 300), (0.0, 300), (5.0, 0)])
  func startingOutsideTheRecording(seconds: Double, frames: Int) {
    #expect(Self.features(frames: 300).starting(at: seconds).frameCount == frames)
  }
}
