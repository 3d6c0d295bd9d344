import Foundation

/// Computes ``FrameFeatures`` from 16 kHz samples, block by block, in one pass.
///
/// The band-pass (300–3400 Hz) removes hum, rumble and brown noise before anything is measured.
/// Periodicity is measured on the band signal low-passed at 1 kHz and decimated to 4 kHz, and only
/// for frames that rise above a running noise floor, which keeps the cost low in long silences.
struct FeatureExtractor {
  static let sampleRate = 16_000
  private static let samplesPerStep = 16
  private static let stepsPerFrame = 10
  private static let decimation = 4
  private static let window = 80  // 20 ms at 4 kHz
  private static let minimumLag = 10  // 400 Hz
  private static let maximumLag = 64  // 62.5 Hz

  private(set) var features = FrameFeatures()
  private var highPass1 = Biquad(.highPass, cutoff: 300, sampleRate: 16_000)
  private var highPass2 = Biquad(.highPass, cutoff: 300, sampleRate: 16_000)
  private var lowPass = Biquad(.lowPass, cutoff: 3400, sampleRate: 16_000)
  private var pitchLowPass1 = Biquad(.lowPass, cutoff: 1000, sampleRate: 16_000)
  private var pitchLowPass2 = Biquad(.lowPass, cutoff: 1000, sampleRate: 16_000)
  private var highBand = Biquad(.highPass, cutoff: 3400, sampleRate: 16_000)
  private var highBandEnergy: Float = 0
  private var stepEnergy: Float = 0
  private var stepFill = 0
  private var sampleIndex = 0
  private var decimated: [Float]
  private var decimatedFill = 0
  private var runningFloor: Float = 0
  private var hasFloor = false

  /// - Parameter expectedSampleCount: the length of the recording at 16 kHz when known, so the
  ///   feature arrays are allocated once at their final size instead of growing by doubling.
  init(expectedSampleCount: Int = 0) {
    decimated = [Float](repeating: 0, count: 4 * Self.span)
    let steps = expectedSampleCount / Self.samplesPerStep + 1
    let frames = steps / Self.stepsPerFrame + 1
    features.envelope.reserveCapacity(steps)
    features.bandLevel.reserveCapacity(frames)
    features.highBandLevel.reserveCapacity(frames)
    features.periodicity.reserveCapacity(frames)
  }

  mutating func consume(_ samples: [Float]) {
    // The filters run on local copies so their state stays in registers through the loop.
    var highPass1 = self.highPass1, highPass2 = self.highPass2, lowPass = self.lowPass
    var highBand = self.highBand, pitchLowPass1 = self.pitchLowPass1, pitchLowPass2 = self.pitchLowPass2
    defer {
      self.highPass1 = highPass1
      self.highPass2 = highPass2
      self.lowPass = lowPass
      self.highBand = highBand
      self.pitchLowPass1 = pitchLowPass1
      self.pitchLowPass2 = pitchLowPass2
    }
    samples.withUnsafeBufferPointer { input in
      for sample in input {
        let band = lowPass.process(highPass2.process(highPass1.process(sample)))
        stepEnergy += band * band
        let high = highBand.process(sample)
        highBandEnergy += high * high
        let pitchBand = pitchLowPass2.process(pitchLowPass1.process(band))
        if sampleIndex & 3 == 0 { pushDecimated(pitchBand) }
        sampleIndex += 1
        stepFill += 1
        if stepFill == Self.samplesPerStep {
          features.envelope.append(stepEnergy / Float(Self.samplesPerStep))
          stepEnergy = 0
          stepFill = 0
          if features.envelope.count % Self.stepsPerFrame == 0 { finishFrame() }
        }
      }
    }
  }

  private static var span: Int { window + maximumLag }

  private mutating func pushDecimated(_ value: Float) {
    // A buffer four spans long: the last span is moved to the front only when it fills up.
    if decimatedFill == decimated.count {
      let span = Self.span
      decimated.withUnsafeMutableBufferPointer { buffer in
        let base = buffer.baseAddress!
        base.update(from: base + buffer.count - span, count: span)
      }
      decimatedFill = span
    }
    decimated[decimatedFill] = value
    decimatedFill += 1
  }

  private mutating func finishFrame() {
    let end = features.envelope.count
    var power: Float = 0
    for step in (end - Self.stepsPerFrame)..<end { power += features.envelope[step] }
    power /= Float(Self.stepsPerFrame)
    let level = 10 * log10(power + 1e-12)
    let frameSamples = Float(Self.stepsPerFrame * Self.samplesPerStep)
    features.highBandLevel.append(10 * log10(highBandEnergy / frameSamples + 1e-12))
    highBandEnergy = 0
    features.bandLevel.append(level)
    if !hasFloor || level < runningFloor {
      runningFloor = level
      hasFloor = true
    } else {
      runningFloor += 0.03  // rises 3 dB per second so a louder room is followed
    }
    let frame = features.bandLevel.count - 1
    let worthMeasuring = frame < Self.frameRateForStart || level > runningFloor + 3
    features.periodicity.append(worthMeasuring && decimatedFill >= Self.span ? periodicity() : 0)
  }

  private static let frameRateForStart = 100

  /// The best normalised autocorrelation over pitch lags, in [0, 1].
  private func periodicity() -> Float {
    let window = Self.window
    return decimated.withUnsafeBufferPointer { buffer -> Float in
      let base = buffer.baseAddress! + decimatedFill - Self.span
      // The reference window is the most recent 20 ms; lags reach back into the past.
      let reference = base + Self.maximumLag
      var referenceEnergy: Float = 0
      for index in 0..<window { referenceEnergy += reference[index] * reference[index] }
      guard referenceEnergy > 1e-10 else { return 0 }
      var best: Float = 0
      var laggedEnergy: Float = 0
      var lagged = reference - Self.minimumLag
      for index in 0..<window { laggedEnergy += lagged[index] * lagged[index] }
      for lag in Self.minimumLag...Self.maximumLag {
        if lag > Self.minimumLag {
          lagged -= 1
          laggedEnergy += lagged[0] * lagged[0] - lagged[window] * lagged[window]
        }
        let product = dot(reference, lagged, count: window)
        let normaliser = (referenceEnergy * max(laggedEnergy, 1e-12)).squareRoot()
        best = max(best, product / normaliser)
      }
      return min(best, 1)
    }
  }
}
