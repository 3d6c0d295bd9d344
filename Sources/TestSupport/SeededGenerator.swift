import Foundation
import SessionModel

/// A reproducible random number generator for test corpora: SessionModel's SplitMix64, started one
/// step further along so that the corpora generated so far keep their seeds.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var base: SplitMix64

  public init(seed: UInt64) { base = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

  public mutating func next() -> UInt64 { base.next() }

  /// A standard normal deviate (Box–Muller).
  public mutating func gaussian() -> Float {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
    let u2 = Double.random(in: 0..<1, using: &self)
    return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
  }
}

extension SeededGenerator {
  /// A Poisson draw by Knuth's method: fine for the small means of the synthetic trials.
  public mutating func poisson(mean: Double) -> Int {
    let limit = exp(-mean)
    var product = Double.random(in: 0..<1, using: &self)
    var count = 0
    while product > limit {
      count += 1
      product *= Double.random(in: 0..<1, using: &self)
    }
    return count
  }
}
