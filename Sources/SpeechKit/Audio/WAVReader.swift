import Foundation

/// Reads a WAV file block by block, so an hour of audio never sits in memory at once.
///
/// One owner reads at a time; the reader keeps its position.
public final class WAVReader {
  /// The file's path (or the name given to bytes in memory), used in error messages.
  public let name: String
  public let format: WAVFormat
  /// Number of frames (one sample per channel) in the file.
  public let frameCount: Int
  /// The next frame `read` returns.
  public private(set) var position = 0

  private let source: any ByteSource
  private let dataOffset: Int
  private var scratch: [UInt8] = []

  init(source: any ByteSource, name: String) throws(AudioError) {
    let header = try WAVHeader.parse(source, file: name)
    let present = max(0, source.size - header.dataOffset)
    var dataSize = header.declaredDataSize
    // 0xFFFFFFFF is the streaming convention for "until the end of the file".
    if dataSize == 0xFFFF_FFFF { dataSize = present }
    guard dataSize <= present else {
      throw AudioError(file: name, reason: .truncatedData(declaredBytes: dataSize, presentBytes: present))
    }
    self.name = name
    self.source = source
    self.format = header.format
    self.dataOffset = header.dataOffset
    self.frameCount = dataSize / header.format.blockAlign
  }

  /// Opens a WAV file on disk and reads its header.
  public convenience init(url: URL) throws(AudioError) {
    try self.init(source: FileByteSource(path: url.path), name: url.path)
  }

  /// Reads WAV bytes held in memory.
  public convenience init(bytes: [UInt8], name: String = "<memory>") throws(AudioError) {
    try self.init(source: MemoryByteSource(bytes), name: name)
  }

  public var duration: Double { Double(frameCount) / Double(format.sampleRate) }

  /// Reads up to `maxFrames` frames, mixed down to mono, in [-1, 1]; empty at the end of the file.
  public func readMono(maxFrames: Int) throws(AudioError) -> [Float] {
    let interleaved = try readInterleaved(maxFrames: maxFrames)
    let channels = format.channels
    guard channels > 1 else { return interleaved }
    let frames = interleaved.count / channels
    let scale = 1 / Float(channels)
    return [Float](unsafeUninitializedCapacity: frames) { buffer, count in
      interleaved.withUnsafeBufferPointer { samples in
        for frame in 0..<frames {
          var sum: Float = 0
          for channel in 0..<channels { sum += samples[frame * channels + channel] }
          buffer[frame] = sum * scale
        }
      }
      count = frames
    }
  }

  /// Reads up to `maxFrames` frames with every channel, interleaved, in [-1, 1].
  public func readInterleaved(maxFrames: Int) throws(AudioError) -> [Float] {
    let frames = min(max(0, maxFrames), frameCount - position)
    guard frames > 0 else { return [] }
    let byteCount = frames * format.blockAlign
    if scratch.count < byteCount { scratch = [UInt8](repeating: 0, count: byteCount) }
    let got = scratch.withUnsafeMutableBytes {
      source.read(at: dataOffset + position * format.blockAlign, count: byteCount, into: $0.baseAddress!)
    }
    guard got == byteCount else {
      // The file shrank after it was opened.
      throw AudioError(
        file: name,
        reason: .truncatedData(
          declaredBytes: frameCount * format.blockAlign, presentBytes: position * format.blockAlign + got))
    }
    position += frames
    let sampleCount = frames * format.channels
    return scratch.withUnsafeBytes { SampleDecoder.decode($0, encoding: format.encoding, count: sampleCount) }
  }

  /// Reads every remaining frame, mixed down to mono (for short files and tests).
  public func readAllMono() throws(AudioError) -> [Float] {
    var all: [Float] = []
    all.reserveCapacity(frameCount - position)
    while true {
      let block = try readMono(maxFrames: 65_536)
      if block.isEmpty { return all }
      all += block
    }
  }
}
