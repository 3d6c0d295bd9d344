import Foundation
import TestSupport
import Testing

@testable import Research
@testable import Store

@Suite struct ExportDirectoryTests {
  let files = [
    ExportedFile(name: "b.csv", contents: "x\n1\n", rowCount: 1),
    ExportedFile(name: "chat/S01.cha", contents: "@UTF8\n", rowCount: 0),
    ExportedFile(name: "a.csv", contents: "abc", rowCount: 0),
  ]

  @Test func theManifestListsEveryFileWithItsSHA256SortedByName() throws {
    let manifest = ExportManifest.file(listing: files)
    let lines = manifest.contents.split(separator: "\n").map(String.init)
    #expect(lines.map { $0.split(separator: " ").last.map(String.init) } == ["a.csv", "b.csv", "chat/S01.cha"])
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    #expect(lines[0] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.csv")
  }

  @Test func filesInSubfoldersAreWrittenAndTheManifestComesLast() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try ExportDirectory(path: folder.path).write(files)
    #expect(written.last?.name == ExportManifest.fileName)
    for file in written {
      #expect(try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8) == file.contents)
    }
  }

  @Test func aFailureLeavesThePreviousExportAndNoTemporaryFile() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try ExportDirectory(path: folder.path).write([ExportedFile(name: "a.csv", contents: "old\n", rowCount: 0)])
    // "chat" is a file, so chat/S01.cha cannot be written: nothing may change.
    try "not a folder".write(to: folder.appendingPathComponent("chat"), atomically: true, encoding: .utf8)
    #expect(throws: StoreError.self) { try ExportDirectory(path: folder.path).write(files) }
    #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "old\n")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["a.csv", "chat", "manifest.sha256"])
  }

  @Test(arguments: ["../outside.csv", "/etc/outside.csv", "chat/../../outside.cha", "chat//S01.cha"])
  func namesThatLeaveTheFolderAreRefused(_ name: String) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = folder.appendingPathComponent("export").path
    #expect(throws: StoreError.cannotWriteExport(path: name, reason: "not a plain name inside the export folder")) {
      try ExportDirectory(path: export).write([ExportedFile(name: name, contents: "x", rowCount: 0)])
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }
}
