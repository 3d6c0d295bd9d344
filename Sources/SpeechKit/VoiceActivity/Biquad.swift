import Foundation

/// A second-order IIR section (RBJ cookbook, Butterworth Q), run in direct form I.
struct Biquad {
  private let b0, b1, b2, a1, a2: Float
  private var x1: Float = 0, x2: Float = 0, y1: Float = 0, y2: Float = 0

  enum Kind { case lowPass, highPass }

  init(_ kind: Kind, cutoff: Double, sampleRate: Double, quality: Double = 1 / 2.squareRoot()) {
    let omega = 2 * Double.pi * cutoff / sampleRate
    let alpha = sin(omega) / (2 * quality)
    let cosine = cos(omega)
    let a0 = 1 + alpha
    let (n0, n1, n2): (Double, Double, Double) =
      switch kind {
      case .lowPass: ((1 - cosine) / 2, 1 - cosine, (1 - cosine) / 2)
      case .highPass: ((1 + cosine) / 2, -(1 + cosine), (1 + cosine) / 2)
      }
    b0 = Float(n0 / a0)
    b1 = Float(n1 / a0)
    b2 = Float(n2 / a0)
    a1 = Float(-2 * cosine / a0)
    a2 = Float((1 - alpha) / a0)
  }

  @inline(__always)
  mutating func process(_ x: Float) -> Float {
    let y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
    x2 = x1
    x1 = x
    y2 = y1
    // Flush denormals: long silences would otherwise slow the filter to a crawl.
    y1 = abs(y) < 1e-25 ? 0 : y
    return y1
  }
}
