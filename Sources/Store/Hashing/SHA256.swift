import Foundation

/// SHA-256 (FIPS 180-4), fed in pieces so a long recording is hashed without loading it whole.
///
/// Written here rather than taken from a package because it is small, and the only hash the
/// project needs: it proves a recording is the file that was analysed.
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes waiting for a full 64-byte block.
  private var pending: [UInt8] = []
  private var byteCount: UInt64 = 0

  public init() {
    pending.reserveCapacity(64)
  }

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    for byte in bytes {
      byteCount &+= 1
      pending.append(byte)
      if pending.count == 64 {
        compressPendingBlock()
      }
    }
  }

  /// Feeds the bytes of a `Data`, by whole blocks where it can.
  public mutating func update(_ data: Data) {
    data.withUnsafeBytes { raw in
      var rest = raw[...]
      byteCount &+= UInt64(raw.count)
      while !rest.isEmpty {
        if pending.isEmpty && rest.count >= 64 {
          Self.compress(UnsafeRawBufferPointer(rebasing: rest.prefix(64)), into: &state)
          rest = rest.dropFirst(64)
          continue
        }
        let take = min(64 - pending.count, rest.count)
        pending.append(contentsOf: rest.prefix(take))
        rest = rest.dropFirst(take)
        if pending.count == 64 {
          compressPendingBlock()
        }
      }
    }
  }

  /// Pads, finishes and returns the 32-byte digest. The value is spent afterwards.
  public consuming func finalize() -> [UInt8] {
    let bitCount = byteCount &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 {
      tail.append(0)
    }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift)))
    }
    tail.withUnsafeBytes { raw in
      for start in stride(from: 0, to: raw.count, by: 64) {
        Self.compress(UnsafeRawBufferPointer(rebasing: raw[start..<start + 64]), into: &state)
      }
    }
    return state.flatMap { word in
      [
        UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
        UInt8(truncatingIfNeeded: word),
      ]
    }
  }

  /// The lower-case hexadecimal digest of `bytes`.
  public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hex(hash.finalize())
  }

  /// The lower-case hexadecimal digest of a file, read 64 KiB at a time.
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

  private mutating func compressPendingBlock() {
    pending.withUnsafeBytes { Self.compress($0, into: &state) }
    pending.removeAll(keepingCapacity: true)
  }

  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  private static func compress(_ block: UnsafeRawBufferPointer, into state: inout [UInt32]) {
    var schedule = [UInt32](repeating: 0, count: 64)
    for index in 0..<16 {
      let offset = index * 4
      schedule[index] =
        UInt32(block[offset]) << 24 | UInt32(block[offset + 1]) << 16 | UInt32(block[offset + 2]) << 8
        | UInt32(block[offset + 3])
    }
    for index in 16..<64 {
      let early = schedule[index - 15]
      let late = schedule[index - 2]
      let sigma0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
      let sigma1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
      schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
    }
    var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
    for index in 0..<64 {
      let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
      let choice = (e & f) ^ (~e & g)
      let temp1 = h &+ sum1 &+ choice &+ roundConstants[index] &+ schedule[index]
      let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let temp2 = sum0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
    }
    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
    state[4] &+= e
    state[5] &+= f
    state[6] &+= g
    state[7] &+= h
  }
}

extension UInt32 {
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self >> count) | (self << (32 - count))
  }
}
