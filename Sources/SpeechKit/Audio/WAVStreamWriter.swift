import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a live recording as 16-bit PCM, block by block, so the file stays readable if the
/// program stops without closing it.
///
/// A valid header is written when the file opens and its size fields are brought up to date
/// after every block; a crash in the middle of a block leaves at most that block's tail
/// unaccounted for, which ``WAVFile/recover(at:)`` repairs.
public final class WAVStreamWriter {
  public let url: URL
  public let format: WAVFormat
  public private(set) var framesWritten = 0
  private var descriptor: Int32
  private let header: WAVHeader

  public init(url: URL, sampleRate: Int, channels: Int = 1) throws(AudioError) {
    let format = WAVFormat(encoding: .signed16, sampleRate: sampleRate, channels: channels)
    guard (1...8).contains(channels) else { throw AudioError(file: url.path, reason: .invalidChannelCount(channels)) }
    guard (1000...384_000).contains(sampleRate) else {
      throw AudioError(file: url.path, reason: .invalidSampleRate(sampleRate))
    }
    let headerBytes = WAVHeader.bytes(for: format, dataSize: 0)
    let descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw AudioError(file: url.path, reason: .cannotWrite(String(cString: strerror(errno))))
    }
    guard write(descriptor, headerBytes, headerBytes.count) == headerBytes.count else {
      _ = closeFile(descriptor)
      throw AudioError(file: url.path, reason: .cannotWrite(String(cString: strerror(errno))))
    }
    self.url = url
    self.format = format
    self.descriptor = descriptor
    self.header = WAVHeader(format: format, dataOffset: headerBytes.count, declaredDataSize: 0)
  }

  deinit { if descriptor >= 0 { _ = closeFile(descriptor) } }

  /// Appends interleaved samples (a whole number of frames) and updates the header.
  public func append(_ samples: [Int16]) throws(AudioError) {
    guard descriptor >= 0 else { throw AudioError(file: url.path, reason: .cannotWrite("closed")) }
    let frames = samples.count / format.channels
    guard frames > 0 else { return }
    let byteCount = frames * format.blockAlign
    let written = samples.withUnsafeBufferPointer { buffer -> Int in
      #if _endian(big)
        let little = buffer.map { $0.littleEndian }
        return little.withUnsafeBytes { write(descriptor, $0.baseAddress!, byteCount) }
      #else
        return write(descriptor, buffer.baseAddress!, byteCount)
      #endif
    }
    guard written == byteCount else {
      throw AudioError(file: url.path, reason: .cannotWrite(String(cString: strerror(errno))))
    }
    framesWritten += frames
    guard WAVFile.writeSizes(descriptor, header: header, dataSize: framesWritten * format.blockAlign) else {
      throw AudioError(file: url.path, reason: .cannotWrite(String(cString: strerror(errno))))
    }
  }

  /// Forces what was written so far to the disk (survives a power cut, not only a crash).
  public func synchronize() { if descriptor >= 0 { fsync(descriptor) } }

  /// Finishes the file; further appends fail.
  public func close() throws(AudioError) {
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    let status = closeFile(descriptor)
    descriptor = -1
    guard status == 0 else { throw AudioError(file: url.path, reason: .cannotWrite(String(cString: strerror(errno)))) }
  }
}

/// The C `close`, out of reach of the method of the same name.
private func closeFile(_ descriptor: Int32) -> Int32 { close(descriptor) }
