extension VoiceActivityDetector {
  /// Where the room's echo of a sound cut off by the recording's start has died away, in seconds
  /// from that start; 0 if the recording does not start in one.
  ///
  /// An answer analysed from the marked end of the therapist's prompt starts in the prompt's
  /// reverberation, as loud as speech and voiced like it, so without this its start would be the
  /// mark. The echo is a room's fade (step 7's test: a straight line in dB, 60 dB/s or faster); it
  /// is over once the level is back to the room's floor, or once a new sound rises out of it
  /// (`echoRise` above its lowest point so far, where the new sound is taken to begin). A recording
  /// that starts in a voice instead, the patient speaking over the prompt's end, does not fade
  /// along a line, so nothing is skipped.
  func endOfEchoAtStart(in features: FrameFeatures) -> Double {
    let levels = features.bandLevel
    let count = min(levels.count, maximumEchoFrames)
    guard count > minimumEchoFrames else { return 0 }
    let floor = noiseFloor(levels)
    let smoothed = (0..<count).map { smoothedLevel(levels, at: $0) }
    guard smoothed[0] >= floor[0] + activeMargin else { return 0 }
    var lowest = 0
    var end: Int?
    for frame in 1..<count {
      if smoothed[frame] <= floor[frame] + extensionMargin {
        end = frame
        break
      }
      if smoothed[frame] >= smoothed[lowest] + echoRise {
        end = lowest
        break
      }
      if smoothed[frame] < smoothed[lowest] { lowest = frame }
    }
    guard let end, end >= minimumEchoFrames, isRoomFade(levels[0..<end]) else { return 0 }
    return Double(end) / Double(FrameFeatures.frameRate)
  }
}
