import Foundation
import SpeechKit
import TestSupport
import Testing

@Suite struct SpeechTimingAnalyzerTests {
  /// Behaviour bounds, not the accuracy figures (those are benchmark results in docs/PERFORMANCE.md):
  /// tight in a quiet room, looser where noise or other voices mask the weak edges of words.
  static func tolerance(for item: SpeechCorpusItem) -> Double {
    item.noise == "none" && !item.hasBabble ? 0.05 : 0.15
  }

  @Test("first-word onset and last-word offset match the clean reference", arguments: DevelopmentCorpus.indices)
  func onsetAndOffsetMatchTheReference(index: Int) throws {
    let corpus = try DevelopmentCorpus.shared.get()
    let item = corpus.items[index]
    let timing = try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))
    let onset = try #require(timing.firstWordOnset, "no speech found in \(item)")
    let offset = try #require(timing.lastWordOffset)
    #expect(
      abs(onset - item.truthOnset) <= Self.tolerance(for: item), "onset \(onset) vs \(item.truthOnset) in \(item)")
    #expect(
      abs(offset - item.truthOffset) <= Self.tolerance(for: item), "offset \(offset) vs \(item.truthOffset) in \(item)")
    #expect(timing.speechDuration == offset - onset)
  }
}

@Suite struct SpeechTimingFormatTests {
  struct Recording: CustomTestStringConvertible, Sendable {
    let format: WAVFormat
    var testDescription: String { "\(format.encoding) \(format.channels) ch \(format.sampleRate) Hz" }
  }

  static let recordings: [Recording] = [
    .init(format: .init(encoding: .signed24, sampleRate: 44_100, channels: 2)),
    .init(format: .init(encoding: .float32, sampleRate: 48_000, channels: 1, isExtensible: true)),
    .init(format: .init(encoding: .signed16, sampleRate: 22_050, channels: 1)),
  ]

  /// The same answer recorded another way gives the same timing: resampling and mix-down keep time.
  @Test("the timing does not depend on the file format", arguments: recordings)
  func timingDoesNotDependOnTheFormat(_ recording: Recording) throws {
    let corpus = try DevelopmentCorpus.shared.get()
    let item = corpus.items[1]
    let reference = try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))
    let samples = try WAVFile.read(corpus.url(of: item)).readAllMono()
    var resampler = SincResampler(inputRate: 16_000, outputRate: recording.format.sampleRate)
    let converted = resampler.process(samples) + resampler.finish()
    let interleaved = converted.flatMap { [Float](repeating: $0, count: recording.format.channels) }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("timing-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("answer.wav")
    try WAVFile.write(interleaved, format: recording.format, to: url)

    let timing = try SpeechTimingAnalyzer().analyze(url: url)
    let onset = try #require(timing.firstWordOnset)
    let offset = try #require(timing.lastWordOffset)
    #expect(abs(onset - reference.firstWordOnset!) <= 0.005)
    #expect(abs(offset - reference.lastWordOffset!) <= 0.005)
  }
}
