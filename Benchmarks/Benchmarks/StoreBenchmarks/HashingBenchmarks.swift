import Benchmark
import Foundation
import Store

// The digest stored for every recording (`recordings.sha256`, checked by `db check`): hashing a
// one-hour answer, the longest a session can record, read 64 KiB at a time.
func hashingBenchmarks() {
  let file = OneHourWAV()
  Benchmark(
    "SHA256.hexDigest(ofFileAt:), one-hour 48 kHz mono 16-bit WAV (345.6 MB)",
    configuration: .init(
      metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
      maxDuration: .seconds(60), maxIterations: 5),
    closure: { benchmark in
      let path = try file.path()
      for _ in benchmark.scaledIterations {
        blackHole(try SHA256.hexDigest(ofFileAt: path))
      }
    }, setup: file.create, teardown: file.remove)
}

/// A one-hour WAV of a tone and seeded noise in a fresh temporary folder, made in setup.
final class OneHourWAV: @unchecked Sendable {
  private let lock = NSLock()
  private var folder: URL?

  func create() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent("answer.wav")
    let rate = 48_000
    let seconds = 3_600
    var header = Data("RIFF".utf8)
    func append<Value: FixedWidthInteger>(_ value: Value) {
      withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
    }
    append(UInt32(36 + rate * seconds * 2))
    header.append(contentsOf: Array("WAVEfmt ".utf8))
    append(UInt32(16)); append(UInt16(1)); append(UInt16(1)); append(UInt32(rate)); append(UInt32(rate * 2))
    append(UInt16(2)); append(UInt16(16))
    header.append(contentsOf: Array("data".utf8))
    append(UInt32(rate * seconds * 2))
    try header.write(to: url)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    var state: UInt64 = 42
    for second in 0..<seconds {
      let samples = (0..<rate).map { index -> Int16 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let tone = 8_000 * sin(2 * Double.pi * 220 * Double(second * rate + index) / Double(rate))
        return Int16(tone) &+ Int16(truncatingIfNeeded: state >> 53)
      }
      try handle.write(contentsOf: samples.withUnsafeBytes { Data($0) })
    }
    lock.withLock { self.folder = folder }
  }

  func path() throws -> String {
    guard let folder = lock.withLock({ folder }) else { throw CocoaError(.fileNoSuchFile) }
    return folder.appendingPathComponent("answer.wav").path
  }

  func remove() {
    if let folder = lock.withLock({ folder }) {
      try? FileManager.default.removeItem(at: folder)
    }
  }
}
