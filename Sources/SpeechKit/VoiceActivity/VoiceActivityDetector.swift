import Foundation

/// Finds the speech of the main speaker in a recording, frame by frame, then refines the edges.
///
/// The decision, per 10 ms frame:
/// 1. **Noise floor**: the 20th percentile of the band level in each second, then the minimum over
///    the surrounding ±5 s (minimum statistics), so a steady noise is tracked but speech is not.
///    It never sits more than 50 dB below the main speaker, so clean recordings behave alike.
/// 2. **Main speaker level**: the 95th percentile of the band level over voiced frames.
/// 3. **Events**: runs of frames 6 dB above the floor, joined across gaps up to 30 ms.
/// 4. **Core**: an event is speech if it holds at least 50 ms of voicing (periodicity ≥ 0.6)
///    within 15 dB of the main speaker. Clicks, knocks, coughs and scrapes are too short or
///    unvoiced; voices far from the microphone are too weak.
/// 5. **Edges**: the core grows outward, up to 200 ms, over frames 3 dB above the floor or with
///    high-band (fricative) energy, but never over voicing 28 dB below the main speaker, which is
///    what a distant voice looks like. Each edge is then moved to the 1 ms step where the smoothed
///    envelope crosses the floor + 3 dB, and speech closer than 100 ms (stop closures) is joined.
public struct VoiceActivityDetector: Sendable {
  /// Names the rule set in every output, so results stay comparable across versions.
  public static let algorithm = "connectage-vad-1.0"

  public var activeMargin: Float = 6
  /// Once speech is found, its edges continue while the band stays this far above the floor.
  public var extensionMargin: Float = 3
  public var maximumExtensionFrames = 20
  /// Voicing this far below the main speaker is another, distant voice.
  public var distantVoiceGate: Float = 28
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

    // Speech: the event's core is its voicing near the main speaker's level; far voices and
    // unvoiced bursts have none. The core then grows outward over weaker sound (fricatives,
    // decaying endings) but never over weak voicing, which is what a distant voice looks like.
    let highFloor = noiseFloor(features.highBandLevel)
    func isVoiced(_ frame: Int) -> Bool {
      features.periodicity[frame] >= voicingThreshold && levels[frame] > floor[frame] + activeMargin
    }
    func isStrong(_ frame: Int) -> Bool { isVoiced(frame) && levels[frame] >= speakerLevel - speakerGate }
    func isExtendable(_ frame: Int) -> Bool {
      let audible =
        levels[frame] > floor[frame] + extensionMargin
        || features.highBandLevel[frame] > max(highFloor[frame], speakerLevel - dynamicRange) + activeMargin
      return audible && !(isVoiced(frame) && levels[frame] < speakerLevel - distantVoiceGate)
    }
    var speech: [SpeechSegment] = []
    for event in events {
      let strong = (event.first...event.last).filter(isStrong)
      guard strong.count >= minimumVoicedFrames, var first = strong.first, var last = strong.last else { continue }
      let coreFirst = first
      let coreLast = last
      while first > 0, coreFirst - first < maximumExtensionFrames, isExtendable(first - 1) { first -= 1 }
      while last < count - 1, last - coreLast < maximumExtensionFrames, isExtendable(last + 1) { last += 1 }
      let start = refinedStart(frame: first, features: features, floor: floor[first])
      let end = refinedEnd(frame: last, features: features, floor: floor[last])
      guard end > start else { continue }
      if let previous = speech.last, start - previous.end < speechBridge {
        speech[speech.count - 1].end = max(previous.end, end)
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

  private func threshold(_ floor: Float) -> Float { pow(10, (floor + extensionMargin) / 10) }

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
