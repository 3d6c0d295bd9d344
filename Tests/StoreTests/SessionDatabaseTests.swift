import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@Suite struct SessionDatabaseTests {
  @Test func migrationsFromEmptyCreateEveryTable() throws {
    let database = try SessionDatabase.inMemory()
    #expect(
      try database.schema().map(\.name) == [
        "study", "site", "participant", "participant_group", "group_member", "session", "trial", "event",
        "recording", "answer_measures", "memory_coding", "coding_sheet_key", "coder", "answer_revision",
        "reviewed_timing",
        "reviewed_transcript", "consensus", "answer_blind_key", "attendance", "installation", "study_plan",
      ])
  }

  @Test func participantsAreStoredAsCodesAndPlanningFieldsOnly() throws {
    let participant = try #require(try SessionDatabase.inMemory().schema().first { $0.name == "participant" })
    #expect(
      participant.columns == [
        "code", "study_id", "arm", "usable_hand", "wears_glasses", "wears_hearing_aid", "smell", "aphasia",
        "has_memory_disorder", "stroke_month", "stroke_count", "lesion_side", "language_assessment", "site_id",
      ])
  }

  /// No table can hold a person's name or contact details: the schema has no column for them.
  @Test(arguments: ["name", "nom", "surname", "prenom", "birth", "naissance", "address", "adresse", "phone", "email"])
  func noColumnCouldHoldIdentity(_ fragment: String) throws {
    let columns = try SessionDatabase.inMemory().schema().flatMap { table in
      table.columns.map { "\(table.name).\($0)" }
    }
    #expect(columns.count > 50)
    #expect(columns.filter { $0.lowercased().contains(fragment) } == [])
  }

  struct DefaultPathCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let environment: [String: String]
    let path: String
  }

  @Test(arguments: [
    DefaultPathCase(
      testDescription: "XDG_DATA_HOME wins", environment: ["XDG_DATA_HOME": "/data/xdg", "HOME": "/home/ort"],
      path: "/data/xdg/connectage/connectage.sqlite"),
    DefaultPathCase(
      testDescription: "unset XDG_DATA_HOME falls back to ~/.local/share", environment: ["HOME": "/home/ort"],
      path: "/home/ort/.local/share/connectage/connectage.sqlite"),
    DefaultPathCase(
      testDescription: "empty XDG_DATA_HOME is ignored", environment: ["XDG_DATA_HOME": "", "HOME": "/home/ort"],
      path: "/home/ort/.local/share/connectage/connectage.sqlite"),
    DefaultPathCase(
      testDescription: "relative XDG_DATA_HOME is ignored (XDG spec)",
      environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ort"],
      path: "/home/ort/.local/share/connectage/connectage.sqlite"),
  ])
  func defaultPathFollowsXDG(_ example: DefaultPathCase) {
    #expect(SessionDatabase.defaultPath(environment: example.environment) == example.path)
  }

  @Test func fileDatabaseIsCreatedWithItsFolderUsesWALAndKeepsDataAcrossReopening() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("nested/study/connectage.sqlite").path
    do {
      let database = try SessionDatabase(path: path)
      try database.participants.add(StoreFixtures.firstParticipant)
      #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }
    let reopened = try SessionDatabase(path: path)
    #expect(try reopened.participants.fetchAll() == [StoreFixtures.firstParticipant])
    #expect(try SQLiteShell.run("PRAGMA journal_mode", on: path).output == "wal\n")
  }

  /// SIGKILL cannot tell FULL from NORMAL (the kernel keeps the page cache), so the setting that
  /// protects against a power cut is checked directly, on the connection that writes.
  @Test(arguments: [SessionDatabase.SynchronousLevel.full, .normal])
  func theWritingConnectionKeepsTheChosenSynchronousLevel(_ level: SessionDatabase.SynchronousLevel) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SessionDatabase(
      path: folder.appendingPathComponent("connectage.sqlite").path, synchronous: level)
    try database.eventLog.append(StoreFixtures.event("S01", "session.started", at: 0))
    #expect(try database.synchronousLevel() == level)
  }

  @Test func theDefaultIsFull() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try SessionDatabase(path: folder.appendingPathComponent("connectage.sqlite").path).synchronousLevel() == .full)
  }

  @Test func aFileThatIsNotADatabaseIsRefusedWithItsPath() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("notes.sqlite").path
    try Data("Jeudi : séance de groupe.\n".utf8).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreError.self) { try SessionDatabase(path: path) }
    #expect(error == .storage(.notADatabase, path: path))
    #expect(error.isBadInput == false)
    #expect(
      error.message.french
        == "La base de données « \(path) » n'est pas une base de données ConnectAge (ce fichier est d'un autre type) : vérifiez le chemin donné à --db."
    )
    #expect(!error.message.english.contains("SQLite"))
  }

  @Test func aFolderGivenAsTheDatabaseIsSaidPlainly() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try #require(throws: StoreError.self) { try SessionDatabase(path: folder.path) }
    #expect(error == .storage(.cannotOpen, path: folder.path))
    #expect(
      error.message.english
        == "The database '\(folder.path)' cannot be opened: the file or its folder cannot be reached. Check the path given to --db and the folder's permissions."
    )
  }

  @Test func aFolderThatCannotBeMadeIsSaidPlainly() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("notes.txt")
    try Data("x".utf8).write(to: file)
    let path = file.appendingPathComponent("data/connectage.sqlite").path
    let error = try #require(throws: StoreError.self) { try SessionDatabase(path: path) }
    #expect(error == .storage(.cannotOpen, path: path))
  }

  @Test func aDatabaseFromANewerVersionIsRefused() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("connectage.sqlite").path
    _ = try SessionDatabase(path: path)
    try SQLiteShell.run("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')", on: path)
    #expect(throws: StoreError.writtenByNewerVersion) { try SessionDatabase(path: path) }
  }
}
