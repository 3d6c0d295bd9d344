import Foundation
import SpeechKit
import Testing

@Suite struct SincResamplerTests {
  struct Conversion: CustomTestStringConvertible, Sendable {
    let from: Int
    let to: Int
    var testDescription: String { "\(from) Hz → \(to) Hz" }
  }

  static let conversions: [Conversion] = [
    .init(from: 44_100, to: 16_000), .init(from: 48_000, to: 16_000), .init(from: 22_050, to: 16_000),
    .init(from: 8_000, to: 16_000), .init(from: 11_025, to: 16_000), .init(from: 12_345, to: 16_000),
  ]

  static func sine(frequency: Double, rate: Int, seconds: Double, amplitude: Float = 0.5) -> [Float] {
    (0..<Int(seconds * Double(rate))).map {
      amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(rate)))
    }
  }

  /// Amplitude of the `frequency` component (a single-bin DFT over a whole number of periods).
  static func amplitude(of samples: ArraySlice<Float>, frequency: Double, rate: Int) -> Double {
    var real = 0.0
    var imaginary = 0.0
    for (offset, sample) in samples.enumerated() {
      let phase = 2 * Double.pi * frequency * Double(offset) / Double(rate)
      real += Double(sample) * cos(phase)
      imaginary += Double(sample) * sin(phase)
    }
    return 2 * (real * real + imaginary * imaginary).squareRoot() / Double(samples.count)
  }

  static func resample(_ input: [Float], from: Int, to: Int) -> [Float] {
    var resampler = SincResampler(inputRate: from, outputRate: to)
    // Uneven blocks check that streaming joins up.
    var output: [Float] = []
    var start = 0
    var size = 1000
    while start < input.count {
      output += resampler.process(Array(input[start..<min(input.count, start + size)]))
      start += size
      size = size == 1000 ? 357 : 1000
    }
    return output + resampler.finish()
  }

  @Test("a 1 kHz sine keeps its frequency and amplitude", arguments: conversions)
  func sineKeepsFrequencyAndAmplitude(_ conversion: Conversion) {
    let output = Self.resample(
      Self.sine(frequency: 1000, rate: conversion.from, seconds: 1), from: conversion.from, to: conversion.to)
    #expect(output.count == conversion.to)
    // Away from the edges, where the filter sees the whole sine.
    let middle = output[(conversion.to / 4)..<(conversion.to / 4 + conversion.to / 2)]
    let amplitude = Self.amplitude(of: middle, frequency: 1000, rate: conversion.to)
    #expect(abs(20 * log10(amplitude / 0.5)) < 0.05, "amplitude \(amplitude)")
    let reference = Self.sine(frequency: 1000, rate: conversion.to, seconds: 1)[
      (conversion.to / 4)..<(conversion.to / 4 + conversion.to / 2)]
    let worst = zip(middle, reference).map { abs($0 - $1) }.max()!
    #expect(worst < 0.005, "the output is not the same sine in phase: worst error \(worst)")
  }

  @Test(
    "tones above the new Nyquist frequency are attenuated by more than 60 dB",
    arguments: [9_000.0, 10_000, 15_000, 20_000])
  func aliasingIsAttenuated(frequency: Double) {
    let output = Self.resample(Self.sine(frequency: frequency, rate: 48_000, seconds: 1), from: 48_000, to: 16_000)
    let middle = output[4000..<12_000]
    let power = middle.reduce(0.0) { $0 + Double($1 * $1) } / Double(middle.count)
    let rms = power.squareRoot()
    #expect(20 * log10(rms / (0.5 / 2.squareRoot())) < -60, "residue \(20 * log10(rms / 0.354)) dB")
  }

  @Test func anOnsetKeepsItsTime() {
    var input = [Float](repeating: 0, count: 44_100)
    for index in 22_050..<44_100 { input[index] = 0.5 * Float(sin(Double(index) * 0.1)) }
    let output = Self.resample(input, from: 44_100, to: 16_000)
    let firstLoud = output.firstIndex { abs($0) > 0.05 }!
    #expect(abs(Double(firstLoud) / 16_000 - 0.5) < 0.001)
  }

  @Test func equalRatesPassThrough() {
    var resampler = SincResampler(inputRate: 16_000, outputRate: 16_000)
    #expect(resampler.process([0.1, 0.2, 0.3]) == [0.1, 0.2, 0.3])
    #expect(resampler.finish().isEmpty)
  }
}
