import Testing

@Suite struct GroupsCommandTests {
  private func databaseWithParticipants(_ count: Int, in folder: StoreCommandFolder) throws -> [String] {
    let db = ["--db", folder.databasePath]
    for number in 1...count {
      let run = try CommandRun.connectage(
        ["participants", "add", number < 10 ? "P0\(number)" : "P\(number)"] + db)
      #expect(run.exitCode == 0)
    }
    return db
  }

  @Test func addThenList() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = try databaseWithParticipants(3, in: folder)
    let add = try CommandRun.connectage(
      ["groups", "add", "G1", "--members", "P01,P02, P03", "--study", "espoir-avc", "--site", "CHU-NANTES"] + db)
    #expect(add.exitCode == 0)
    #expect(add.standardOutput == "Groupe G1 ajouté avec 3 participants : P01, P02, P03.\n")
    _ = try CommandRun.connectage(["groups", "add", "G2", "--members", "P03", "--arm", "B"] + db)

    let list = try CommandRun.connectage(["groups", "list"] + db)
    #expect(list.exitCode == 0)
    #expect(
      list.standardOutput == """
        Groupe  Étude       Site        Bras  Participants
        G1      espoir-avc  CHU-NANTES  —     P01, P02, P03
        G2      —           —           B     P03

        """)
    let show = try CommandRun.connectage(["participants", "show", "P03"] + db, environment: ["CONNECTAGE_LANG": "en"])
    #expect(show.standardOutput.hasSuffix("  Groups: G1, G2\n"))
  }

  @Test func anEmptyListSaysSo() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = try databaseWithParticipants(1, in: folder)
    let list = try CommandRun.connectage(["groups", "list"] + db, environment: ["CONNECTAGE_LANG": "en"])
    #expect(list.standardOutput == "No group.\n")
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let members: String
    let message: String
  }

  @Test(arguments: [
    Refusal(
      testDescription: "unknown member", members: "P01,P12,P13",
      message: "Participants inconnus : P12, P13. Ajoutez-les d'abord avec « connectage participants add ».\n"),
    Refusal(
      testDescription: "more than ten", members: "P01,P02,P03,P04,P05,P06,P07,P08,P09,P10,P11",
      message: "Un groupe compte au plus 10 participants ; 11 ont été donnés.\n"),
    Refusal(
      testDescription: "a member twice", members: "P01,P02,P01",
      message: "Le participant P01 apparaît deux fois dans le groupe.\n"),
    Refusal(
      testDescription: "a name among the members", members: "P01,Marie",
      message: """
        « Marie » n'est pas un code pseudonyme : utilisez 1 à 16 majuscules, chiffres ou tirets, \
        en commençant par une lettre (par exemple P01). N'utilisez jamais le nom du patient.

        """),
  ])
  func badGroupsAreRefusedWithExitCode2(_ refusal: Refusal) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = try databaseWithParticipants(11, in: folder)
    let run = try CommandRun.connectage(["groups", "add", "G1", "--members", refusal.members] + db)
    #expect(run.exitCode == 2)
    #expect(run.standardError == refusal.message)
    #expect(try CommandRun.connectage(["groups", "list"] + db).standardOutput == "Aucun groupe.\n")
  }
}
