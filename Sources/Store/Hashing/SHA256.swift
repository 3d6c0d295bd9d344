internal import Crypto
import Foundation

/// SHA-256 (FIPS 180-4), fed in pieces so a long recording is hashed without loading it whole.
///
/// The hash is swift-crypto's (BoringSSL's assembly on Linux, CryptoKit on Apple platforms); this
/// type keeps the project's call sites and its hexadecimal form. It proves a recording is the file
/// that was analysed, and an export file the one that was written.
public struct SHA256 {
  private var hash = Crypto.SHA256()

  public init() {}

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let fedInPlace: Void? = bytes.withContiguousStorageIfAvailable {
      hash.update(bufferPointer: UnsafeRawBufferPointer($0))
    }
    if fedInPlace == nil {
      hash.update(data: Array(bytes))
    }
  }

  /// Feeds the bytes of a `Data`.
  public mutating func update(_ data: Data) {
    hash.update(data: data)
  }

  /// Finishes and returns the 32-byte digest. The value is spent afterwards.
  public consuming func finalize() -> [UInt8] {
    Array(hash.finalize())
  }

  /// The lower-case hexadecimal digest of `bytes`.
  public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hex(hash.finalize())
  }

  /// The lower-case hexadecimal digest of a file, read 64 KiB at a time (a one-hour answer is
  /// 330 MiB; memory stays at one chunk).
  ///
  /// - Throws: ``StoreError/databaseFailure(_:)`` when the file cannot be opened or read.
  public static func hexDigest(ofFileAt path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError.databaseFailure("cannot open '\(path)'")
    }
    defer { try? handle.close() }
    var hash = SHA256()
    do {
      while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
        hash.update(chunk)
      }
    } catch {
      throw StoreError.databaseFailure("cannot read '\(path)': \(error)")
    }
    return hex(hash.finalize())
  }

  /// The lower-case hexadecimal form of a digest.
  public static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(digest.count * 2)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
