import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@Suite struct SHA256Tests {
  struct Vector: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let message: [UInt8]
    let digest: String
  }

  /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
  static let fipsVectors = [
    Vector(
      testDescription: "empty", message: [],
      digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    Vector(
      testDescription: "abc (one block)", message: Array("abc".utf8),
      digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    Vector(
      testDescription: "448 bits (two blocks)",
      message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    Vector(
      testDescription: "896 bits",
      message: Array(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
          .utf8),
      digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    Vector(
      testDescription: "one million a", message: [UInt8](repeating: 0x61, count: 1_000_000),
      digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    Vector(
      testDescription: "55 bytes (padding fits one block)", message: [UInt8](repeating: 0x61, count: 55),
      digest: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    Vector(
      testDescription: "56 bytes (padding needs a second block)", message: [UInt8](repeating: 0x61, count: 56),
      digest: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
  ]

  @Test(arguments: fipsVectors)
  func matchesTheFIPSVectors(_ vector: Vector) {
    #expect(SHA256.hexDigest(of: vector.message) == vector.digest)
  }

  @Test(arguments: [1, 3, 63, 64, 65, 1000])
  func feedingInPiecesGivesTheSameDigest(_ pieceSize: Int) {
    let message = SHA256Tests.fipsVectors[3].message
    var bytewise = SHA256()
    var datawise = SHA256()
    for start in stride(from: 0, to: message.count, by: pieceSize) {
      let piece = message[start..<min(start + pieceSize, message.count)]
      bytewise.update(piece)
      datawise.update(Data(piece))
    }
    #expect(SHA256.hex(bytewise.finalize()) == SHA256Tests.fipsVectors[3].digest)
    #expect(SHA256.hex(datawise.finalize()) == SHA256Tests.fipsVectors[3].digest)
  }

  /// Files of awkward sizes around the 64 KiB read size, compared with coreutils' `sha256sum`.
  @Test(arguments: [0, 1, 64, 65_535, 65_536, 65_537, 200_003])
  func fileDigestsMatchSha256sum(_ size: Int) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("answer.wav").path
    var random = SplitMix64(seed: UInt64(size))
    let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(try SHA256.hexDigest(ofFileAt: path) == String(output.prefix(64)))
  }

  @Test func aMissingFileIsAnError() {
    #expect(throws: StoreError.self) { try SHA256.hexDigest(ofFileAt: "/nonexistent/answer.wav") }
  }
}
