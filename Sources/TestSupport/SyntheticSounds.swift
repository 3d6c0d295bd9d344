import Foundation

/// Non-speech sounds of a real room, synthesised at 16 kHz: what a detector must not call speech.
public enum SyntheticSounds {
  public static let sampleRate = 16_000

  /// A cough: one or two bursts of coloured noise with a sharp attack and a fast decay.
  public static func cough(using generator: inout SeededGenerator) -> [Float] {
    var out: [Float] = []
    for _ in 0..<Int.random(in: 1...2, using: &generator) {
      let length = Int(Double(sampleRate) * Double.random(in: 0.12...0.22, using: &generator))
      var previous: Float = 0
      for index in 0..<length {
        let t = Float(index) / Float(sampleRate)
        let envelope = min(1, t / 0.008) * exp(-t / 0.07)
        // A one-pole low-pass gives the breathy, darker colour of a cough.
        previous = 0.6 * previous + 0.4 * generator.gaussian()
        out.append(0.5 * envelope * previous)
      }
      out += [Float](repeating: 0, count: Int(Double(sampleRate) * Double.random(in: 0.08...0.15, using: &generator)))
    }
    return out
  }

  /// Knocks on a door: two or three damped low sines with a broadband thump.
  public static func knock(using generator: inout SeededGenerator) -> [Float] {
    var out: [Float] = []
    let frequency = Float.random(in: 90...180, using: &generator)
    for _ in 0..<Int.random(in: 2...3, using: &generator) {
      let length = Int(0.09 * Double(sampleRate))
      for index in 0..<length {
        let t = Float(index) / Float(sampleRate)
        let body = sin(2 * Float.pi * frequency * t) * exp(-t / 0.012)
        let thump = generator.gaussian() * exp(-t / 0.002) * 0.3
        out.append(0.7 * (body + thump))
      }
      out += [Float](repeating: 0, count: Int(Double(sampleRate) * Double.random(in: 0.12...0.2, using: &generator)))
    }
    return out
  }

  /// A click: a couple of milliseconds of broadband energy.
  public static func click(using generator: inout SeededGenerator) -> [Float] {
    let length = Int.random(in: 16...48, using: &generator)
    return (0..<length).map { index in 0.8 * generator.gaussian() * exp(-Float(index) / 8) }
  }

  /// A chair dragged on the floor: band noise with a rough, irregular amplitude modulation.
  public static func chairScrape(using generator: inout SeededGenerator) -> [Float] {
    let length = Int(Double(sampleRate) * Double.random(in: 0.3...0.6, using: &generator))
    var low: Float = 0
    var previous: Float = 0
    var roughness: Float = 0
    return (0..<length).map { index in
      let t = Float(index) / Float(length)
      let noise = generator.gaussian()
      // High-pass minus low-pass: a band of noise around 1–3 kHz.
      low = 0.7 * low + 0.3 * noise
      let band = noise - low - 0.5 * previous
      previous = band
      if index % 160 == 0 { roughness = Float.random(in: 0.3...1, using: &generator) }
      return 0.25 * sin(Float.pi * t) * roughness * band
    }
  }

  /// A hand clap: a 1–2 ms broadband burst with a short room ring, sometimes two or three.
  public static func clap(using generator: inout SeededGenerator) -> [Float] {
    var out: [Float] = []
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let length = Int(0.05 * Double(sampleRate))
      var previous: Float = 0
      for index in 0..<length {
        let t = Float(index) / Float(sampleRate)
        // A high-passed burst: claps are brighter than knocks.
        let noise = generator.gaussian()
        let bright = noise - 0.5 * previous
        previous = noise
        out.append(0.8 * bright * (t < 0.0015 ? 1 : exp(-(t - 0.0015) / 0.008)))
      }
      out += [Float](repeating: 0, count: Int(Double(sampleRate) * Double.random(in: 0.2...0.35, using: &generator)))
    }
    return out
  }

  public static func named(_ name: String, using generator: inout SeededGenerator) -> [Float] {
    switch name {
    case "clap": clap(using: &generator)
    case "cough": cough(using: &generator)
    case "knock": knock(using: &generator)
    case "click": click(using: &generator)
    default: chairScrape(using: &generator)
    }
  }

  public static let transientNames = ["cough", "knock", "click", "chair", "clap"]
}
