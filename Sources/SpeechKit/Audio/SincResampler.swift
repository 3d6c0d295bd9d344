import Foundation

/// Changes the sample rate of a stream with a polyphase windowed-sinc (Kaiser) low-pass filter.
///
/// The ratio is reduced to L/M; every output sample is one dot product of a filter phase with
/// the input history. The pass band ends at 85 % of the lower Nyquist frequency and everything
/// above the lower Nyquist frequency is attenuated by at least 80 dB, so nothing aliases into
/// the speech band. The filter's delay is compensated: output sample n is at time n / outputRate.
public struct SincResampler: Sendable {
  public let inputRate: Int
  public let outputRate: Int
  private let upFactor: Int
  private let downFactor: Int
  private let tapsPerPhase: Int
  /// Phase-major, each phase reversed so the dot product runs forward over the input.
  private let phases: [Float]
  private let delay: Int
  /// Input not yet consumed, starting at absolute input index `historyStart`.
  private var history: [Float]
  private var historyStart: Int
  private var inputCount = 0
  private var nextOutput = 0

  public init(inputRate: Int, outputRate: Int) {
    precondition(inputRate > 0 && outputRate > 0, "sample rates must be positive")
    self.inputRate = inputRate
    self.outputRate = outputRate
    let divisor = greatestCommonDivisor(inputRate, outputRate)
    upFactor = outputRate / divisor
    downFactor = inputRate / divisor
    let nyquist = Double(min(inputRate, outputRate)) / 2
    let passEdge = 0.85 * nyquist
    let stopEdge = nyquist
    let attenuation = 80.0
    let transition = 2 * Double.pi * (stopEdge - passEdge) / Double(inputRate)
    var taps = Int(((attenuation - 8) / (2.285 * transition)).rounded(.up))
    taps = max(taps, 8)
    tapsPerPhase = taps
    let length = taps * upFactor
    let beta = 0.1102 * (attenuation - 8.7)
    let cutoff = (passEdge + stopEdge) / 2 / (Double(inputRate) * Double(upFactor))  // cycles per upsampled sample
    // An odd span puts the filter's centre on a sample, so its delay is a whole number of
    // upsampled samples and can be compensated exactly; the last coefficient stays zero.
    let span = length % 2 == 0 ? length - 1 : length
    let center = Double(span - 1) / 2
    let besselBeta = besselI0(beta)
    var prototype = [Double](repeating: 0, count: length)
    for index in 0..<span {
      let t = Double(index) - center
      let sinc = t == 0 ? 2 * cutoff : sin(2 * Double.pi * cutoff * t) / (Double.pi * t)
      let ratio = 2 * Double(index) / Double(span - 1) - 1
      let window = besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselBeta
      prototype[index] = sinc * window * Double(upFactor)
    }
    var phases = [Float](repeating: 0, count: length)
    for phase in 0..<upFactor {
      for tap in 0..<taps {
        phases[phase * taps + (taps - 1 - tap)] = Float(prototype[phase + tap * upFactor])
      }
    }
    self.phases = phases
    delay = Int(center)
    history = [Float](repeating: 0, count: taps)
    historyStart = -taps
  }

  /// Whether the rates are equal and samples pass through untouched.
  public var isIdentity: Bool { inputRate == outputRate }

  /// Feeds input samples and returns the output samples that are now complete.
  public mutating func process(_ input: [Float]) -> [Float] {
    if isIdentity { return input }
    history += input
    inputCount += input.count
    return produce(upToInput: inputCount)
  }

  /// Returns the remaining output once the input has ended.
  public mutating func finish() -> [Float] {
    if isIdentity { return [] }
    let total = (inputCount * upFactor + downFactor - 1) / downFactor
    history += [Float](repeating: 0, count: tapsPerPhase + 1)
    var tail = produce(upToInput: inputCount + tapsPerPhase)
    let extra = (nextOutput) - total
    if extra > 0 { tail.removeLast(min(extra, tail.count)) }
    return tail
  }

  private mutating func produce(upToInput available: Int) -> [Float] {
    var output: [Float] = []
    let taps = tapsPerPhase
    history.withUnsafeBufferPointer { samples in
      phases.withUnsafeBufferPointer { coefficients in
        while true {
          let position = nextOutput * downFactor + delay
          let newest = position / upFactor
          guard newest < available else { break }
          let phase = position - newest * upFactor
          let first = newest - taps + 1 - historyStart
          output.append(
            dot(coefficients.baseAddress! + phase * taps, samples.baseAddress! + first, count: taps))
          nextOutput += 1
        }
      }
    }
    // Keep only the history the next outputs can reach.
    let nextNewest = (nextOutput * downFactor + delay) / upFactor
    let keepFrom = nextNewest - taps + 1
    let drop = min(max(0, keepFrom - historyStart), history.count)
    if drop > 4096 || drop == history.count {
      history.removeFirst(drop)
      historyStart += drop
    }
    return output
  }
}

/// A dot product with eight independent accumulators, so the compiler can vectorise it.
@inline(__always)
func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
  var accumulator = SIMD8<Float>()
  var index = 0
  let rawA = UnsafeRawPointer(a)
  let rawB = UnsafeRawPointer(b)
  while index + 8 <= count {
    accumulator +=
      rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
      * rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
    index += 8
  }
  var sum = accumulator.sum()
  while index < count {
    sum += a[index] * b[index]
    index += 1
  }
  return sum
}

private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return x
}

/// The modified Bessel function of the first kind, order 0 (for the Kaiser window).
private func besselI0(_ x: Double) -> Double {
  var sum = 1.0
  var term = 1.0
  var k = 1.0
  while term > 1e-12 * sum {
    term *= (x / (2 * k)) * (x / (2 * k))
    sum += term
    k += 1
  }
  return sum
}
