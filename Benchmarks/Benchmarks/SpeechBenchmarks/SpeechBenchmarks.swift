import Benchmark
import Foundation
import SpeechKit
import TestSupport

/// Recordings the speech benchmarks run on, made once from the report corpus (seed 2).
enum SpeechFixtures {
  static let reportCount = 120

  static let corpus: SpeechCorpus = {
    do { return try SpeechCorpus.load(seed: SpeechCorpus.reportSeed, count: reportCount) } catch {
      fatalError("the report corpus could not be generated: \(error)")
    }
  }()

  /// One hour of 16 kHz mono: the report corpus answers one after the other, over and over.
  static let hour: URL = {
    let url = SpeechCorpus.cacheRoot.appendingPathComponent(
      "benchmark-hour-v\(SpeechCorpus.version)-seed\(SpeechCorpus.reportSeed).wav")
    if let reader = try? WAVFile.read(url), reader.frameCount == 3600 * 16_000 { return url }
    do {
      let answers = try corpus.items.map { item in
        try WAVFile.read(corpus.url(of: item)).readAllMono().map { Int16(max(-32_768, min(32_767, $0 * 32_768))) }
      }
      let writer = try WAVStreamWriter(url: url, sampleRate: 16_000, channels: 1)
      var remaining = 3600 * 16_000
      var index = 0
      while remaining > 0 {
        let answer = answers[index % answers.count].prefix(remaining)
        try writer.append(Array(answer))
        remaining -= answer.count
        index += 1
      }
      try writer.close()
      return url
    } catch {
      fatalError("the one-hour recording could not be written: \(error)")
    }
  }()

  /// One minute of a 44.1 kHz recording, for the resampler.
  static let minuteAt44100: [Float] = (0..<(60 * 44_100)).map { Float(sin(Double($0) * 0.07)) * 0.3 }
}

let benchmarks: @Sendable () -> Void = {
  registerTranscriptBenchmarks()
  let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .throughput]

  Benchmark(
    "Speech timing of one hour of 16 kHz audio (one core)",
    configuration: .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)
  ) { benchmark in
    let url = SpeechFixtures.hour
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try SpeechTimingAnalyzer().analyze(url: url))
    }
  }

  Benchmark(
    "Speech timing of the report corpus answers",
    configuration: .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)
  ) { benchmark in
    let corpus = SpeechFixtures.corpus
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      for item in corpus.items { blackHole(try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))) }
    }
  }

  Benchmark(
    "Resampling one minute from 44.1 kHz to 16 kHz",
    configuration: .init(metrics: metrics, maxDuration: .seconds(30), maxIterations: 5)
  ) { benchmark in
    let input = SpeechFixtures.minuteAt44100
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var resampler = SincResampler(inputRate: 44_100, outputRate: 16_000)
      blackHole(resampler.process(input) + resampler.finish())
    }
  }
}
