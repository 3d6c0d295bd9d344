import Testing

@Suite struct DatabaseCommandTests {
  @Test func aGoodDatabasePassesTheCheck() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["participants", "add", "P01"] + db)
    _ = try CommandRun.connectage(["participants", "add", "P02"] + db)
    _ = try CommandRun.connectage(["groups", "add", "G1", "--members", "P01,P02"] + db)

    let check = try CommandRun.connectage(["db", "check"] + db)
    #expect(check.exitCode == 0)
    #expect(
      check.standardOutput == """
        Vérifié : 2 participants, 1 groupe, 0 séance, 0 événement, 0 enregistrement.
        Aucun problème trouvé.

        """)
    #expect(check.standardError == "")
  }

  @Test func eventsOfAnUnknownSessionFailTheCheck() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    let append = try CommandRun.connectage(["db", "append-events", "--session", "S77", "--count", "3"] + db)
    #expect(append.exitCode == 0)
    #expect(append.standardOutput == "1\n2\n3\n")

    let check = try CommandRun.connectage(["db", "check"] + db)
    #expect(check.exitCode == 1)
    #expect(
      check.standardOutput == """
        Vérifié : 0 participant, 0 groupe, 0 séance, 3 événements, 0 enregistrement.
        1 problème trouvé :
        - 3 événements appartiennent à la séance S77, inconnue de la base.

        """)
    let english = try CommandRun.connectage(["db", "check"] + db, environment: ["CONNECTAGE_LANG": "en"])
    #expect(
      english.standardOutput == """
        Checked: 0 participants, 0 groups, 0 sessions, 3 events, 0 recordings.
        1 problem found:
        - 3 events belong to session S77, which the database does not know.

        """)
  }

  @Test func aFileThatIsNotADatabaseIsARuntimeFailure() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let path = folder.path + "/notes.txt"
    try "pas une base de données\n".write(toFile: path, atomically: true, encoding: .utf8)
    let check = try CommandRun.connectage(["db", "check", "--db", path])
    #expect(check.exitCode == 1)
    #expect(
      check.standardError
        == "La base de données « \(path) » n'est pas une base de données ConnectAge (ce fichier est d'un autre type) : vérifiez le chemin donné à --db.\n"
    )
  }

  @Test func appendEventsIsHiddenFromHelp() throws {
    let help = try CommandRun.connectage(["db", "--help"])
    #expect(help.exitCode == 0)
    #expect(help.standardOutput.contains("check"))
    #expect(!help.standardOutput.contains("append-events"))
  }
}
