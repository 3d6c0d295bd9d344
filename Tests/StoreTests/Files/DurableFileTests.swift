import Foundation
import Store
import Testing

/// The flushes exports and saves rely on: what they write is there, and a folder that cannot be
/// flushed is said, not passed over.
@Suite struct DurableFileTests {
  @Test func filesWrittenWithoutTheirOwnFlushAreThereAfterTheFileSystemIsFlushed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-durable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = (1...3).map { folder.appendingPathComponent("f\($0).csv") }
    for (index, file) in files.enumerated() {
      try DurableFile.create(file, with: Data("ligne \(index)\n".utf8), flushing: false)
    }
    try DurableFile.flushFileSystem(holding: folder)
    #expect(try files.map { try String(contentsOf: $0, encoding: .utf8) } == ["ligne 0\n", "ligne 1\n", "ligne 2\n"])
    // An existing file is never overwritten by `create`.
    #expect(throws: DurableFile.Failure.self) { try DurableFile.create(files[0], with: Data("x".utf8)) }
  }

  @Test func aFolderThatIsNotThereCannotBeFlushed() {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-missing-\(UUID().uuidString)")
    #expect(throws: DurableFile.Failure.self) { try DurableFile.flushFileSystem(holding: missing) }
  }
}
