import Foundation

/// Finds the speech of the main speaker in a recording, frame by frame, then refines the edges.
///
/// The decision, per 10 ms frame:
/// 1. **Noise floor**: the 20th percentile of the band level in each second, then the minimum over
///    the surrounding ±5 s (minimum statistics), so a steady noise is tracked but speech is not.
/// 2. **Main speaker level**: the 95th percentile of the band level over voiced frames.
/// 3. **Active** frames rise 6 dB above the floor; runs of active frames closer than 30 ms form one
///    event.
/// 4. An event is **speech** if it holds at least 50 ms of voicing (periodicity ≥ 0.6) — clicks,
///    knocks, coughs and scrapes are short or unvoiced — and its loudest voiced frames reach the
///    main speaker's level minus 15 dB, which rejects voices far from the microphone.
/// 5. Speech events closer than 100 ms (stop closures) are joined; each edge is then moved to
///    the 1 ms step where the envelope crosses the floor + 6 dB.
public struct VoiceActivityDetector: Sendable {
  /// Names the rule set in every output, so results stay comparable across versions.
  public static let algorithm = "connectage-vad-1.0"

  public var activeMargin: Float = 6
  public var voicingThreshold: Float = 0.6
  public var minimumVoicedFrames = 5
  public var speakerGate: Float = 15
  public var eventBridgeFrames = 3
  public var speechBridge = 0.1
  /// The floor never sits more than this far below the main speaker (clean recordings).
  public var dynamicRange: Float = 50

  public init() {}

  public func segments(in features: FrameFeatures) -> [SpeechSegment] {
    let levels = features.bandLevel
    let count = levels.count
    guard count > 0 else { return [] }
    let rawFloor = noiseFloor(levels)
    var voicedLevels: [Float] = []
    for frame in 0..<count
    where features.periodicity[frame] >= voicingThreshold && levels[frame] > rawFloor[frame] + activeMargin {
      voicedLevels.append(levels[frame])
    }
    guard !voicedLevels.isEmpty else { return [] }
    let speakerLevel = percentile(&voicedLevels, 0.95)
    let floor = rawFloor.map { max($0, speakerLevel - dynamicRange) }

    // Events: runs of active frames.
    var events: [(first: Int, last: Int)] = []
    var frame = 0
    while frame < count {
      guard levels[frame] > floor[frame] + activeMargin else {
        frame += 1
        continue
      }
      var last = frame
      var probe = frame + 1
      while probe < count, probe - last <= eventBridgeFrames + 1 {
        if levels[probe] > floor[probe] + activeMargin { last = probe }
        probe += 1
      }
      if let previous = events.last, frame - previous.last <= eventBridgeFrames + 1 {
        events[events.count - 1].last = last
      } else {
        events.append((frame, last))
      }
      frame = last + 1
    }

    // Speech: enough voicing, loud enough relative to the main speaker.
    var speech: [SpeechSegment] = []
    for event in events {
      var voiced = 0
      var loudest: Float = -.infinity
      for frame in event.first...event.last
      where features.periodicity[frame] >= voicingThreshold && levels[frame] > floor[frame] + activeMargin {
        voiced += 1
        loudest = max(loudest, levels[frame])
      }
      guard voiced >= minimumVoicedFrames, loudest >= speakerLevel - speakerGate else { continue }
      let start = refinedStart(frame: event.first, features: features, floor: floor[event.first])
      let end = refinedEnd(frame: event.last, features: features, floor: floor[event.last])
      guard end > start else { continue }
      if let previous = speech.last, start - previous.end < speechBridge {
        speech[speech.count - 1].end = end
      } else {
        speech.append(SpeechSegment(start: start, end: end))
      }
    }
    return speech
  }

  /// Per-frame noise floor in dB.
  func noiseFloor(_ levels: [Float]) -> [Float] {
    let blockSize = FrameFeatures.frameRate
    let blockCount = (levels.count + blockSize - 1) / blockSize
    var blockFloors: [Float] = []
    blockFloors.reserveCapacity(blockCount)
    for block in 0..<blockCount {
      var slice = Array(levels[(block * blockSize)..<min(levels.count, (block + 1) * blockSize)])
      blockFloors.append(percentile(&slice, 0.2))
    }
    let reach = 5
    var floors = [Float](repeating: 0, count: levels.count)
    for block in 0..<blockCount {
      let neighbours = blockFloors[max(0, block - reach)...min(blockCount - 1, block + reach)]
      let value = neighbours.min()!
      for frame in (block * blockSize)..<min(levels.count, (block + 1) * blockSize) { floors[frame] = value }
    }
    return floors
  }

  private func threshold(_ floor: Float) -> Float { pow(10, (floor + activeMargin) / 10) }

  /// Smoothed envelope (5 ms) around a step.
  private func smoothed(_ envelope: [Float], _ step: Int) -> Float {
    let low = max(0, step - 2)
    let high = min(envelope.count - 1, step + 2)
    guard low <= high else { return 0 }
    var sum: Float = 0
    for index in low...high { sum += envelope[index] }
    return sum / Float(high - low + 1)
  }

  private func refinedStart(frame: Int, features: FrameFeatures, floor: Float) -> Double {
    let envelope = features.envelope
    let limit = threshold(floor)
    let stepsPerFrame = FrameFeatures.envelopeRate / FrameFeatures.frameRate
    var step = frame * stepsPerFrame
    let earliest = max(0, step - 3 * stepsPerFrame)
    while step > earliest, smoothed(envelope, step - 1) > limit { step -= 1 }
    let latest = min(envelope.count - 1, step + stepsPerFrame)
    while step < latest, smoothed(envelope, step) <= limit { step += 1 }
    return Double(step) / Double(FrameFeatures.envelopeRate)
  }

  private func refinedEnd(frame: Int, features: FrameFeatures, floor: Float) -> Double {
    let envelope = features.envelope
    let limit = threshold(floor)
    let stepsPerFrame = FrameFeatures.envelopeRate / FrameFeatures.frameRate
    var step = min(envelope.count, (frame + 1) * stepsPerFrame)  // exclusive end
    let latest = min(envelope.count, step + 3 * stepsPerFrame)
    while step < latest, smoothed(envelope, step) > limit { step += 1 }
    let earliest = max(0, step - stepsPerFrame)
    while step > earliest, smoothed(envelope, step - 1) <= limit { step -= 1 }
    return Double(step) / Double(FrameFeatures.envelopeRate)
  }
}

/// The `fraction` quantile of `values` (reorders them).
func percentile(_ values: inout [Float], _ fraction: Double) -> Float {
  guard !values.isEmpty else { return -.infinity }
  values.sort()
  let index = Int((Double(values.count - 1) * fraction).rounded())
  return values[index]
}
