import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a pipe line by line without waiting for more than a line: the worker's answers arrive
/// as it works, and progress must be shown as it comes.
final class LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var atEnd = false

  init(_ handle: FileHandle) {
    descriptor = handle.fileDescriptor
  }

  /// The next line without its newline, or nil at the end of the stream.
  func next() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      if atEnd {
        guard !buffer.isEmpty else { return nil }
        defer { buffer = [] }
        return String(decoding: buffer, as: UTF8.self)
      }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        atEnd = true
      } else {
        buffer += chunk[..<count]
      }
    }
  }
}
