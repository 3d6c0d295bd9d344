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

  /// What coreutils' `sha256sum -c` says of the folder's manifest, and the files the folder holds.
  static func checked(_ folder: URL) throws -> (check: String, files: [String]) {
    let check = try ExternalTool.output(
      "sh", ["-c", "cd '\(folder.path)' && sha256sum --check --strict manifest.sha256"])
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { name in
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
      return !isFolder.boolValue
    }
    return (check, files.sorted())
  }

  /// After a resume, a take of the first run is superseded by one in the resumed run: exported
  /// again into the same folder, the first run's CHAT file must go (CLAN would count it twice),
  /// and the first run's session folder, left empty, with it.
  @Test func exportingAgainRemovesTheFilesItNoLongerWrites() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let owned = ["chat/S1/", "chat/S2/"]
    try ExportDirectory(path: folder.path).write(
      [
        ExportedFile(name: "measures.csv", contents: "take 1\n", rowCount: 1),
        ExportedFile(name: "chat/S1/T1-P01.cha", contents: "first run\n", rowCount: 1),
        ExportedFile(name: "chat/S2/T2-P01.cha", contents: "resumed run\n", rowCount: 1),
      ], replacing: owned)
    try ExportDirectory(path: folder.path).write(
      [
        ExportedFile(name: "measures.csv", contents: "take 2\n", rowCount: 1),
        ExportedFile(name: "chat/S2/T1-P01.cha", contents: "retaken\n", rowCount: 1),
        ExportedFile(name: "chat/S2/T2-P01.cha", contents: "resumed run\n", rowCount: 1),
      ], replacing: owned)
    let (check, files) = try Self.checked(folder)
    #expect(files == ["chat/S2/T1-P01.cha", "chat/S2/T2-P01.cha", "manifest.sha256", "measures.csv"])
    #expect(check == "chat/S2/T1-P01.cha: OK\nchat/S2/T2-P01.cha: OK\nmeasures.csv: OK\n")
  }

  /// A superseded file someone changed after the export is their work: it stays, unlisted.
  @Test func aFileChangedSinceItWasExportedIsLeftButNoLongerListed() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try ExportDirectory(path: folder.path).write(
      [ExportedFile(name: "chat/S1/T1-P01.cha", contents: "exported\n", rowCount: 1)], replacing: ["chat/S1/"])
    try "corrected by hand\n".write(
      to: folder.appendingPathComponent("chat/S1/T1-P01.cha"), atomically: true, encoding: .utf8)
    try ExportDirectory(path: folder.path).write(
      [ExportedFile(name: "chat/S1/T2-P01.cha", contents: "new\n", rowCount: 1)], replacing: ["chat/S1/"])
    let (check, files) = try Self.checked(folder)
    #expect(files == ["chat/S1/T1-P01.cha", "chat/S1/T2-P01.cha", "manifest.sha256"])
    #expect(check == "chat/S1/T2-P01.cha: OK\n")
  }

  /// Exporting CHAT again into a folder that also holds the CSV files keeps them listed, and a
  /// filtered export leaves another session's files where they are.
  @Test func anotherExportsFilesStayListed() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try ExportDirectory(path: folder.path).write([ExportedFile(name: "measures.csv", contents: "m\n", rowCount: 1)])
    try ExportDirectory(path: folder.path).write(
      [
        ExportedFile(name: "chat/S1/T1-P01.cha", contents: "one\n", rowCount: 1),
        ExportedFile(name: "chat/S2/T1-P02.cha", contents: "two\n", rowCount: 1),
      ], replacing: ["chat/S1/", "chat/S2/"])
    try ExportDirectory(path: folder.path).write(
      [ExportedFile(name: "chat/S1/T1-P01.cha", contents: "one again\n", rowCount: 1)], replacing: ["chat/S1/"])
    let (check, files) = try Self.checked(folder)
    #expect(files == ["chat/S1/T1-P01.cha", "chat/S2/T1-P02.cha", "manifest.sha256", "measures.csv"])
    #expect(check == "chat/S1/T1-P01.cha: OK\nchat/S2/T1-P02.cha: OK\nmeasures.csv: OK\n")
  }
}
