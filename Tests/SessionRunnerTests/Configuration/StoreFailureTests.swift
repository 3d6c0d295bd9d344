import Foundation
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// A database another program holds is explained in plain words with what to do, never as SQLite's text.
@Suite struct StoreFailureTests {
  @Test func aDatabaseLockedByAnotherProgramIsSaidPlainly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-locked-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("connectage.sqlite").path
    let database = try SessionDatabase(path: path)
    let holder = try DatabaseLockHolder(path: path)
    defer { holder.release() }
    // The store waits 5 s for the lock, then gives up.
    let error = try #require(throws: StoreError.self) {
      try database.participants.add(Participant(code: ParticipantCode(rawValue: "P01")!, study: "demo"))
    }
    #expect(error == .storage(.locked, path: path))
    let failure = RunFailure.store(
      error, while: LocalizedText(fr: "La séance n'a pas pu être enregistrée", en: "The session could not be recorded"))
    #expect(
      failure.message.french
        == "La séance n'a pas pu être enregistrée : La base de données « \(path) » est occupée par un autre programme (une autre séance ou commande ConnectAge) : attendez qu'il ait fini, puis recommencez."
    )
    #expect(!failure.message.english.contains("SQLite"))
  }
}
