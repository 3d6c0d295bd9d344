#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Random-access bytes a WAV file is read from: a file on disk or a buffer in memory.
protocol ByteSource: AnyObject {
  var size: Int { get }
  /// Copies up to `count` bytes starting at `offset` into `buffer`; returns how many were copied.
  func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int
}

extension ByteSource {
  func bytes(at offset: Int, count: Int) -> [UInt8] {
    guard count > 0, offset >= 0, offset < size else { return [] }
    let wanted = min(count, size - offset)
    var result = [UInt8](repeating: 0, count: wanted)
    let got = result.withUnsafeMutableBytes { read(at: offset, count: wanted, into: $0.baseAddress!) }
    if got < wanted { result.removeLast(wanted - got) }
    return result
  }
}

/// A file read with `pread`, so reading never depends on a shared file position.
final class FileByteSource: ByteSource {
  let descriptor: Int32
  let size: Int

  init(path: String) throws(AudioError) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw AudioError(file: path, reason: .cannotOpen(errorNumber: errno))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw AudioError(file: path, reason: .cannotOpen(errorNumber: EISDIR))
    }
    self.descriptor = descriptor
    self.size = Int(status.st_size)
  }

  deinit { close(descriptor) }

  func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
    var done = 0
    while done < count {
      let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
      if got <= 0 { break }
      done += got
    }
    return done
  }
}

/// Bytes already in memory (fuzzing, tests, network buffers).
final class MemoryByteSource: ByteSource {
  let storage: [UInt8]
  var size: Int { storage.count }

  init(_ bytes: [UInt8]) { storage = bytes }

  func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
    let available = max(0, min(count, storage.count - offset))
    storage.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: available) }
    return available
  }
}
