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
/// 6. **Word-final tails**: a word can end in a held, quiet sound (a final vowel or schwa 25–40 dB
///    below the speaker) that the distant-voice gate of step 5 stops at. The end continues, up to
///    200 ms and across closures up to 50 ms, over frames within 40 dB of the speaker and 6 dB
///    above what the room holds 0.2–1.2 s later (its 80th percentile, so murmurs and steady noise
///    count as the room), but only when that sound then stops abruptly, 10 dB or more within
///    20 ms, down to the room's quiet level: a voice stops that way, while a room's reverberation
///    and other voices fade or go on.
public struct VoiceActivityDetector: Sendable {
  /// Names the rule set in every output, so results stay comparable across versions.
  public static let algorithm = "connectage-vad-1.1"

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
  /// A word-final tail must stand this far above the room heard after it.
  public var tailMargin: Float = 6
  /// ... and be within this range of the main speaker: the range the reference counts as speech
  /// (ReferenceSpeech, −40 dB); the synthesizer's phrase ends leave a residue below it.
  public var tailRange: Float = 40
  public var maximumTailFrames = 20
  /// Silence inside a tail (a closure before a final release) that does not end it.
  public var tailGapFrames = 5
  /// How far the level must fall within 20 ms after a tail for it to be a voice stopping.
  public var tailDrop: Float = 10

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
      let end = extendedThroughTail(
        refinedEnd(frame: last, features: features, floor: floor[last]), features: features,
        speakerLevel: speakerLevel)
      guard end > start else { continue }
      if let previous = speech.last, start - previous.end < speechBridge {
        speech[speech.count - 1].end = max(previous.end, end)
      } else {
        speech.append(SpeechSegment(start: start, end: end))
      }
    }
    return speech
  }

  /// `end`, moved to the end of the word-final tail that follows it, if there is one (step 6).
  ///
  /// The truth a listener (and ReferenceSpeech's −40 dB rule) hears runs to the end of such a
  /// tail; the level rules before it stop at its start because a quiet voiced frame looks like a
  /// distant voice. What tells the tail from a distant voice or the room is what follows it: the
  /// room is measured just after (not from the whole-recording floor, which murmurs and
  /// reverberation do not lower), and the tail must end the way only a voice ends, abruptly.
  func extendedThroughTail(_ end: Double, features: FrameFeatures, speakerLevel: Float) -> Double {
    let levels = features.bandLevel
    let count = levels.count
    let next = Int((end * Double(FrameFeatures.frameRate) - 1e-6).rounded(.up))
    guard next >= 0, next < count else { return end }
    // The room 0.2–1.2 s after the end: past any tail, and long enough that a pause in the
    // murmurs does not pass for the room's level. If the next phrase falls in it, the high
    // percentile is speech and no tail is taken, which only keeps the end as it was.
    var roomEnd = min(count, next + maximumTailFrames + 100)
    var roomStart = min(next + maximumTailFrames, roomEnd)
    if roomEnd - roomStart < 10 {
      roomStart = max(next, roomEnd - 10)
      roomEnd = count
    }
    guard roomEnd > roomStart else { return end }
    var room = Array(levels[roomStart..<roomEnd])
    let roomQuiet = max(percentile(&room, 0.2), speakerLevel - dynamicRange)
    let roomLoud = percentile(&room, 0.8)
    let threshold = max(roomLoud + tailMargin, speakerLevel - tailRange)

    var tailLast: Int?
    var gap = 0
    for frame in next..<min(count, next + maximumTailFrames) {
      if levels[frame] > threshold {
        tailLast = frame
        gap = 0
      } else {
        gap += 1
        if gap > tailGapFrames { break }
      }
    }
    guard let last = tailLast, last + 1 < count else { return end }
    let after = levels[(last + 1)..<min(count, last + 3)].min()!
    guard levels[last] - after >= tailDrop, after <= roomQuiet + extensionMargin else { return end }

    let envelope = features.envelope
    let limit = pow(10, threshold / 10)
    let stepsPerFrame = FrameFeatures.envelopeRate / FrameFeatures.frameRate
    var step = min(envelope.count, (last + 1) * stepsPerFrame)
    while step > last * stepsPerFrame, envelope[step - 1] <= limit { step -= 1 }
    return max(end, Double(step) / Double(FrameFeatures.envelopeRate))
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
