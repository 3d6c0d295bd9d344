import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading, writing and repairing WAV files.
public enum WAVFile {
  /// Opens `url` for streaming reads; the header is checked now, the samples are read on demand.
  public static func read(_ url: URL) throws(AudioError) -> WAVReader {
    try WAVReader(url: url)
  }

  /// Writes interleaved samples in [-1, 1] as a complete WAV file.
  ///
  /// The file is written next to its destination and renamed into place, so a reader never
  /// sees half a file.
  public static func write(_ interleaved: [Float], format: WAVFormat, to url: URL) throws(AudioError) {
    let frames = interleaved.count / format.channels
    let payload = SampleDecoder.encode(Array(interleaved.prefix(frames * format.channels)), encoding: format.encoding)
    var bytes = WAVHeader.bytes(for: format, dataSize: payload.count)
    bytes += payload
    if payload.count & 1 == 1 { bytes.append(0) }
    try writeAtomically(bytes, to: url)
  }

  /// Repairs the size fields of a WAV file whose recording stopped without closing it.
  ///
  /// The data chunk is taken to run to the end of the file; a trailing partial frame is cut off.
  /// Returns the number of frames the repaired file holds.
  @discardableResult
  public static func recover(at url: URL) throws(AudioError) -> Int {
    let path = url.path
    let header = try WAVHeader.parse(FileByteSource(path: path), file: path)
    let descriptor = open(path, O_RDWR)
    guard descriptor >= 0 else { throw AudioError(file: path, reason: .cannotOpen(errorNumber: errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw AudioError(file: path, reason: .cannotOpen(errorNumber: errno)) }
    let available = max(0, Int(status.st_size) - header.dataOffset)
    let frames = available / header.format.blockAlign
    let dataSize = frames * header.format.blockAlign
    guard ftruncate(descriptor, off_t(header.dataOffset + dataSize)) == 0,
      writeSizes(descriptor, header: header, dataSize: dataSize)
    else { throw AudioError(file: path, reason: .cannotWrite(String(cString: strerror(errno)))) }
    fsync(descriptor)
    return frames
  }

  /// Writes the RIFF and data sizes in place.
  static func writeSizes(_ descriptor: Int32, header: WAVHeader, dataSize: Int) -> Bool {
    let riffSize = header.dataOffset - 8 + dataSize
    var riff: [UInt8] = []
    appendLittleEndian(&riff, UInt32(truncatingIfNeeded: riffSize), bytes: 4)
    var data: [UInt8] = []
    appendLittleEndian(&data, UInt32(truncatingIfNeeded: dataSize), bytes: 4)
    return pwrite(descriptor, riff, 4, off_t(header.riffSizeFieldOffset)) == 4
      && pwrite(descriptor, data, 4, off_t(header.dataSizeFieldOffset)) == 4
  }

  static func writeAtomically(_ bytes: [UInt8], to url: URL) throws(AudioError) {
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(bytes).write(to: temporary)
    } catch {
      throw AudioError(file: url.path, reason: .cannotWrite(error.localizedDescription))
    }
    // rename(2) replaces the destination atomically.
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw AudioError(file: url.path, reason: .cannotWrite(reason))
    }
  }
}
