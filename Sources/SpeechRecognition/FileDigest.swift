internal import Crypto
import Foundation

/// SHA-256 of a model file, read 1 MiB at a time (model.bin of large-v3 is 3 GB).
enum FileDigest {
  static func sha256(of file: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    var hash = Crypto.SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hash.update(data: chunk)
    }
    return hash.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
