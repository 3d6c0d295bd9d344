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
///    20 ms, down to the room's usual level (that 80th percentile, + 3 dB): a voice stops that
///    way, while a room's reverberation and other voices fade or go on.
/// 7. **Reverberant fades**: an end that takes longer than 30 ms to fall from 10 dB above that
///    room to it, along a straight line in dB (R² ≥ 0.7) at 60 dB/s or faster, is a room's
///    exponential decay (RT60 under 1 s), not the voice. The end moves back to where the level
///    fell 10 dB below the last word's peak (its highest level, smoothed over 30 ms, in the 300 ms
///    before the end): the direct sound's end leaves at most 7 dB of drop (10·log10(1 + DRR) for
///    direct-to-reverberant ratios up to 6 dB). Since 1.4 the voiced core does not bound that
///    search: a final vowel's reverberation keeps its pitch, so the core runs on into the tail.
/// 8. **Dry rooms**: since 1.5, step 7 applies only where the room could have made the fade. A
///    recording whose speech falls 15 dB within 30 ms at least twice was not made in a room that
///    holds its sounds for long (reverberation caps how fast any level can fall), so a slow fall
///    at its end is the voice's own fade (a final /ʁ/ or /ʃ/), and the end stays where step 5 or
///    6 placed it.
/// 9. **Echo at the start** (`endOfEchoAtStart(in:)`): since 1.6, an answer analysed from the
///    marked end of the therapist's prompt starts after the prompt's reverberation, which the mark
///    cuts into, when that reverberation is a room's fade (step 7's test).
public struct VoiceActivityDetector: Sendable {
  /// Names the rule set in every output, so results stay comparable across versions.
  public static let algorithm = "connectage-vad-1.6"

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
  /// A voice's end falls from this far above the room to it within `abruptFrames`; slower is a fade.
  public var fadeHeight: Float = 10
  public var abruptFrames = 3
  /// In a fade, the voice ended where the level fell this far below the last word's peak ...
  public var fadeDrop: Float = 10
  /// ... the highest smoothed level in this many frames before the fade's end.
  public var peakWindowFrames = 30
  /// A fade is a room's if it falls at least this fast (dB/s: RT60 under 1 s) ...
  public var fadeSlope: Float = 60
  /// ... along a straight line in dB (R² of the fit). Chosen on the development set, where 0.6 or
  /// 0.8 move one file past 100 ms (offset p90 103 ms instead of 82 ms).
  public var fadeLinearity: Float = 0.7
  /// A fall this steep from the speaker's voicing ...
  public var steepFall: Float = 15
  /// ... within this many frames ...
  public var steepFallFrames = 3
  /// ... this many times in a recording shows a room too dry for step 7.
  public var steepFallsForDryRoom = 2
  /// A sound this far above the lowest level of an echo the recording starts in ends the echo.
  public var echoRise: Float = 6
  /// An echo at the recording's start lasts at least this many frames to be one ...
  public var minimumEchoFrames = 5
  /// ... and is sought this far: a room of RT60 1 s takes about a second to fall 60 dB.
  public var maximumEchoFrames = 150

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
    let roomMayFade = !fallsTooFastForARoom(levels: levels, isStrong: isStrong)
    var speech: [SpeechSegment] = []
    for event in events {
      let strong = (event.first...event.last).filter(isStrong)
      guard strong.count >= minimumVoicedFrames, var first = strong.first, var last = strong.last else { continue }
      let coreFirst = first
      let coreLast = last
      while first > 0, coreFirst - first < maximumExtensionFrames, isExtendable(first - 1) { first -= 1 }
      while last < count - 1, last - coreLast < maximumExtensionFrames, isExtendable(last + 1) { last += 1 }
      let start = refinedStart(frame: first, features: features, floor: floor[first])
      let end = endOfVoice(
        refinedEnd(frame: last, features: features, floor: floor[last]), features: features, speakerLevel: speakerLevel,
        roomMayFade: roomMayFade)
      guard end > start else { continue }
      if let previous = speech.last, start - previous.end < speechBridge {
        speech[speech.count - 1].end = max(previous.end, end)
      } else {
        speech.append(SpeechSegment(start: start, end: end))
      }
    }
    return speech
  }

  /// Whether the voice falls, at least twice, faster than a reverberant room lets any sound fall
  /// (step 8): 15 dB within 30 ms from voicing near the speaker's level.
  ///
  /// A room's reverberation decays at its own rate, so the level of a recording made in one falls
  /// no faster, except by the drop the direct sound's end leaves (under 7 dB for DRR ≤ 6 dB): in
  /// a room of RT60 0.3 s a 30 ms fall is at most about 13 dB. Dry speech falls that fast at
  /// every stop closure and phrase end. Falls are counted only from strong voicing, so a knock or
  /// a click, which the room holds no voicing of, does not count.
  func fallsTooFastForARoom(levels: [Float], isStrong: (Int) -> Bool) -> Bool {
    var found = 0
    var frame = 0
    while frame + steepFallFrames < levels.count {
      if isStrong(frame), levels[frame] - levels[(frame + 1)...(frame + steepFallFrames)].min()! >= steepFall {
        found += 1
        if found >= steepFallsForDryRoom { return true }
        frame += steepFallFrames
      }
      frame += 1
    }
    return false
  }

  /// The level of the room just after an end: what a tail must stand above and fall back to.
  struct Room {
    /// Its 20th percentile: the room between sounds.
    var quiet: Float
    /// Its 80th percentile: murmurs and steady noise count as the room.
    var loud: Float
  }

  /// The room 0.2–1.2 s after the frame `next`: past any tail, and long enough that a pause in the
  /// murmurs does not pass for the room's level. If the next phrase falls in it, the high
  /// percentile is speech and no tail is taken, which only keeps the end as it was.
  func room(after next: Int, levels: [Float], speakerLevel: Float) -> Room? {
    let count = levels.count
    var roomEnd = min(count, next + maximumTailFrames + 100)
    var roomStart = min(next + maximumTailFrames, roomEnd)
    if roomEnd - roomStart < 10 {
      roomStart = max(next, roomEnd - 10)
      roomEnd = count
    }
    guard roomEnd > roomStart else { return nil }
    var window = Array(levels[roomStart..<roomEnd])
    let quiet = max(percentile(&window, 0.2), speakerLevel - dynamicRange)
    return Room(quiet: quiet, loud: percentile(&window, 0.8))
  }

  /// Where the voice stops, from the end the level rules found (steps 6 and 7).
  ///
  /// The reference counts the voice, not the room: the level rules stop before a word-final tail
  /// that looks like a distant voice, and run on through a room's reverberation, which is as
  /// loud as speech. What follows the end tells them apart: a voice stops abruptly, while
  /// reverberation fades along a straight line in dB.
  func endOfVoice(_ end: Double, features: FrameFeatures, speakerLevel: Float, roomMayFade: Bool) -> Double {
    let levels = features.bandLevel
    let count = levels.count
    let next = Int((end * Double(FrameFeatures.frameRate) - 1e-6).rounded(.up))
    guard next > 0, next < count, let room = room(after: next, levels: levels, speakerLevel: speakerLevel) else {
      return end
    }
    if let tailEnd = endOfTail(after: next, room: room, features: features, speakerLevel: speakerLevel) {
      return max(end, tailEnd)
    }
    if roomMayFade, let fadeStart = startOfFade(before: next - 1, room: room, levels: levels) {
      return min(end, fadeStart)
    }
    return end
  }

  /// The end of a word-final tail from the frame `next` on, if one stops there (step 6).
  func endOfTail(after next: Int, room: Room, features: FrameFeatures, speakerLevel: Float) -> Double? {
    let levels = features.bandLevel
    let count = levels.count
    let threshold = max(room.loud + tailMargin, speakerLevel - tailRange)
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
    guard let last = tailLast, last + 1 < count else { return nil }
    let after = levels[(last + 1)..<min(count, last + 3)].min()!
    // Back to the room's usual level, not to its quietest: murmurs with moments of silence between
    // them are the room, and a tail that stops on a murmur has still stopped.
    guard levels[last] - after >= tailDrop, after <= room.loud + extensionMargin else { return nil }

    let envelope = features.envelope
    let limit = pow(10, threshold / 10)
    let stepsPerFrame = FrameFeatures.envelopeRate / FrameFeatures.frameRate
    var step = min(envelope.count, (last + 1) * stepsPerFrame)
    while step > last * stepsPerFrame, envelope[step - 1] <= limit { step -= 1 }
    return Double(step) / Double(FrameFeatures.envelopeRate)
  }

  /// Where a reverberant fade that ends the speech at frame `last` began, if it is one (step 7).
  func startOfFade(before last: Int, room: Room, levels: [Float]) -> Double? {
    let count = levels.count
    // A voice ends by falling from well above the room (10 dB) to it within 30 ms; a fade
    // takes longer (at 60–200 dB/s, the decay of rooms with RT60 0.3–1 s).
    guard
      let high = stride(from: min(count - 1, last + 5), to: max(0, last - 60), by: -1).first(where: {
        levels[$0] >= room.quiet + fadeHeight
      })
    else { return nil }
    let reachesRoom = (high + 1)..<min(count, high + 40)
    if let low = reachesRoom.first(where: { levels[$0] <= room.quiet + extensionMargin }), low - high <= abruptFrames {
      return nil
    }
    // The direct sound ends where the level has fallen below the last word's peak by more than
    // the drop its end leaves in a room (10·log10(1 + DRR), under 7 dB for DRR ≤ 6 dB). The peak
    // is sought over the whole last word, not up to the voiced core's end: a final vowel's
    // reverberation is voiced too, so in a room the core runs on into the tail.
    let first = max(0, last - peakWindowFrames)
    guard first < last else { return nil }
    let smoothed = (first...last).map { smoothedLevel(levels, at: $0) }
    guard let peakIndex = smoothed.indices.max(by: { smoothed[$0] < smoothed[$1] }) else { return nil }
    var keptIndex = smoothed.count - 1
    while keptIndex > peakIndex, smoothed[keptIndex] < smoothed[peakIndex] - fadeDrop { keptIndex -= 1 }
    let kept = first + keptIndex
    guard last - kept >= 5, isRoomFade(levels[(kept + 1)...last]) else { return nil }
    return Double(kept + 1) / Double(FrameFeatures.frameRate)
  }

  /// Whether `fade` is a room's exponential decay: a straight line in dB (R² ≥ `fadeLinearity`)
  /// falling at least `fadeSlope` dB/s.
  func isRoomFade(_ fade: ArraySlice<Float>) -> Bool {
    let n = Float(fade.count)
    let meanX = (n - 1) / 2
    let meanY = fade.reduce(0, +) / n
    var sxy: Float = 0
    var sxx: Float = 0
    var syy: Float = 0
    for (index, level) in fade.enumerated() {
      let dx = Float(index) - meanX
      let dy = level - meanY
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return false }
    let slope = sxy / sxx * Float(FrameFeatures.frameRate)
    let determination = sxy * sxy / (sxx * syy)
    return slope <= -fadeSlope && determination >= fadeLinearity
  }

  /// The level of `frame` averaged in power with its two neighbours (30 ms): a reverberant
  /// tail's 10 ms frames fluctuate by about ±3 dB.
  func smoothedLevel(_ levels: [Float], at frame: Int) -> Float {
    let neighbours = levels[max(0, frame - 1)...min(levels.count - 1, frame + 1)]
    let power = neighbours.reduce(Float(0)) { $0 + pow(10, $1 / 10) } / Float(neighbours.count)
    return 10 * log10(power)
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
