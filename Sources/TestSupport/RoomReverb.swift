import Foundation

/// A simulated room: the dry signal plus a reverberant tail decaying by 60 dB in `rt60` seconds
/// (a Schroeder reverberator, four feedback combs and two all-passes, whose comb gains
/// `10^(−3·delay/rt60)` give the exponential-decay impulse response of a diffuse room), mixed at
/// a direct-to-reverberant ratio. Cheap enough to run on every corpus file in a debug build,
/// unlike a convolution with a 0.8 s impulse response.
public struct RoomReverb: Sendable {
  public var rt60: Double
  /// Direct-to-reverberant energy ratio in dB: about 0 at 1–2 m in a living room.
  public var directToReverberant: Double
  public var sampleRate: Int

  public init(rt60: Double, directToReverberant: Double, sampleRate: Int = SyntheticSounds.sampleRate) {
    self.rt60 = rt60
    self.directToReverberant = directToReverberant
    self.sampleRate = sampleRate
  }

  /// `dry` with the room's tail; the result is longer by nothing (the tail past the end is cut).
  public func apply(to dry: [Float]) -> [Float] {
    let combDelays = [0.0297, 0.0371, 0.0411, 0.0437].map { Int($0 * Double(sampleRate)) }
    var wet = [Float](repeating: 0, count: dry.count)
    for delay in combDelays {
      let gain = Float(pow(10, -3 * Double(delay) / Double(sampleRate) / rt60))
      var line = [Float](repeating: 0, count: delay)
      var position = 0
      for index in 0..<dry.count {
        let out = line[position]
        line[position] = dry[index] + gain * out
        position = (position + 1) % delay
        wet[index] += out
      }
    }
    for (delaySeconds, gain) in [(0.005, Float(0.7)), (0.0017, Float(0.7))] {
      let delay = Int(delaySeconds * Double(sampleRate))
      var line = [Float](repeating: 0, count: delay)
      var position = 0
      for index in 0..<wet.count {
        let delayed = line[position]
        let input = wet[index]
        let out = -gain * input + delayed
        line[position] = input + gain * out
        position = (position + 1) % delay
        wet[index] = out
      }
    }
    let dryEnergy = dry.reduce(0.0) { $0 + Double($1 * $1) }
    let wetEnergy = wet.reduce(0.0) { $0 + Double($1 * $1) }
    guard wetEnergy > 0 else { return dry }
    let scale = Float((dryEnergy / wetEnergy / pow(10, directToReverberant / 10)).squareRoot())
    return zip(dry, wet).map { $0 + scale * $1 }
  }
}
