import Foundation
import SessionModel
import Store
import Testing

@Suite struct ParticipantsCommandTests {
  @Test func addThenListThenShow() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]

    let add = try CommandRun.connectage(
      [
        "participants", "add", "P01", "--study", "espoir-avc", "--arm", "A", "--hand", "right", "--glasses",
        "--smell", "normal", "--aphasia", "broca", "--memory-disorder",
      ] + db)
    #expect(add.exitCode == 0)
    #expect(add.standardOutput == "Participant P01 ajouté.\n")
    #expect(add.standardError == "")
    let second = try CommandRun.connectage(
      ["participants", "add", "P02", "--hearing-aid", "--smell", "not_screened", "--aphasia", "transcortical_motor"]
        + db)
    #expect(second.exitCode == 0)

    let list = try CommandRun.connectage(["participants", "list"] + db)
    #expect(list.exitCode == 0)
    #expect(
      list.standardOutput == """
        Code  Étude       Bras  Main      Lunettes  Appareil auditif  Odorat     Aphasie                 Troubles mnésiques
        P01   espoir-avc  A     droite    oui       non               normal     Broca                   oui
        P02   —           —     les deux  non       oui               non testé  transcorticale motrice  non

        """)

    let show = try CommandRun.connectage(["participants", "show", "P01"] + db)
    #expect(show.exitCode == 0)
    #expect(
      show.standardOutput == """
        Participant P01
          Étude : espoir-avc
          Bras : A
          Main utilisable : droite
          Lunettes : oui
          Appareil auditif : non
          Odorat : normal
          Aphasie : Broca
          Troubles mnésiques : oui
          Mois de l'AVC : —
          Nombre d'AVC : —
          Côté de la lésion : —
          Bilan du langage : not_assessed
          Groupes : —

        """)
  }

  @Test func listAsJSONUsesTheModelsFieldNames() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["participants", "add", "P01", "--hand", "left"] + db)
    let list = try CommandRun.connectage(["participants", "list", "--json"] + db)
    #expect(list.exitCode == 0)
    #expect(
      list.standardOutput == """
        [
          {
            "aphasia" : "none",
            "code" : "P01",
            "hasMemoryDisorder" : false,
            "languageAssessment" : "not_assessed",
            "smell" : "not_screened",
            "usableHand" : "left",
            "wearsGlasses" : false,
            "wearsHearingAid" : false
          }
        ]

        """)
  }

  @Test func anEmptyDatabaseSaysSo() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["db", "append-events", "--session", "S01", "--count", "1"] + db)
    let list = try CommandRun.connectage(["participants", "list"] + db)
    #expect(list.exitCode == 0)
    #expect(list.standardOutput == "Aucun participant.\n")
  }

  /// Reading commands never create a database: a mistyped --db is reported, and no file appears.
  @Test(arguments: [
    ["participants", "list"], ["participants", "show", "P01"], ["groups", "list"], ["db", "check"],
    ["export", "csv", "--out", "export"],
  ])
  func aMissingDatabaseIsReportedAndNotCreated(_ arguments: [String]) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let path = folder.path + "/typo.sqlite"
    let run = try CommandRun.connectage(arguments + ["--db", path])
    #expect(run.exitCode == 2)
    #expect(
      run.standardError
        == "Aucune base de données à « \(path) ». Vérifiez --db, ou commencez par « connectage participants add ».\n")
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let arguments: [String]
    let language: String?
    let message: String
  }

  @Test(arguments: [
    Refusal(
      testDescription: "duplicate code", arguments: ["participants", "add", "P01"], language: nil,
      message: "Le participant P01 existe déjà.\n"),
    Refusal(
      testDescription: "a name instead of a code", arguments: ["participants", "add", "Jeanne"], language: nil,
      message: """
        « Jeanne » n'est pas un code pseudonyme : utilisez 1 à 16 majuscules, chiffres ou tirets, \
        en commençant par une lettre (par exemple P01). N'utilisez jamais le nom du patient.

        """),
    Refusal(
      testDescription: "a name, in English", arguments: ["participants", "add", "Jeanne"], language: "en",
      message: """
        'Jeanne' is not a pseudonymous code: use 1 to 16 capital letters, digits or dashes, starting with a \
        letter (for example P01). Never use the patient's name.

        """),
    Refusal(
      testDescription: "a surname in capitals", arguments: ["participants", "add", "DURAND"], language: nil,
      message: """
        « DURAND » ressemble à un nom : un code pseudonyme contient au moins un chiffre (par exemple P01 ou \
        AVC-M-07). N'utilisez jamais le nom du patient.

        """),
    Refusal(
      testDescription: "a first name in capitals, in English", arguments: ["participants", "add", "MARIE"],
      language: "en",
      message: """
        'MARIE' looks like a name: a pseudonymous code holds at least one digit (for example P01 or AVC-M-07). \
        Never use the patient's name.

        """),
    Refusal(
      testDescription: "unknown hand", arguments: ["participants", "add", "P02", "--hand", "up"], language: nil,
      message: "--hand : « up » n'est pas une valeur possible. Valeurs possibles : left, right, both.\n"),
    Refusal(
      testDescription: "unknown aphasia type", arguments: ["participants", "add", "P02", "--aphasia", "severe"],
      language: nil,
      message: """
        --aphasia : « severe » n'est pas une valeur possible. Valeurs possibles : none, broca, wernicke, \
        conduction, anomic, global, transcortical_motor, transcortical_sensory, unclassified.

        """),
    Refusal(
      testDescription: "show an unknown participant", arguments: ["participants", "show", "P09"], language: nil,
      message: "Aucun participant P09 dans la base. Ajoutez-le avec « connectage participants add P09 ».\n"),
  ])
  func badInputIsRefusedWithExitCode2(_ refusal: Refusal) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["participants", "add", "P01"] + db)
    let run = try CommandRun.connectage(
      refusal.arguments + db, environment: refusal.language.map { ["CONNECTAGE_LANG": $0] } ?? [:])
    #expect(run.exitCode == 2)
    #expect(run.standardOutput == "")
    #expect(run.standardError == refusal.message)
    let list = try CommandRun.connectage(["participants", "list"] + db)
    #expect(list.standardOutput.split(separator: "\n").count == 2, "nothing was added")
  }

  @Test func aNameIsRefusedBeforeAnyDatabaseIsCreated() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try CommandRun.connectage(["participants", "add", "DURAND", "--db", folder.databasePath])
    #expect(run.exitCode == 2)
    #expect(!FileManager.default.fileExists(atPath: folder.databasePath), "nothing half-written")
  }

  @Test func aStudyWithItsOwnPatternRefusesOtherCodes() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try SessionDatabase(path: folder.databasePath).studies.save(
      Study(
        id: "espoir-avc", title: "ESPOIR-AVC", protocolName: "espoir-avc",
        participantCodes: ParticipantCodePattern("AVC-[0-9]{3}")!))
    let db = ["--db", folder.databasePath]
    let refused = try CommandRun.connectage(["participants", "add", "P01", "--study", "espoir-avc"] + db)
    #expect(refused.exitCode == 2)
    #expect(
      refused.standardError
        == "« P01 » n'a pas la forme des codes de cette étude (motif AVC-[0-9]{3} du protocole). N'utilisez jamais le nom du patient.\n"
    )
    #expect(try CommandRun.connectage(["participants", "add", "AVC-012", "--study", "espoir-avc"] + db).exitCode == 0)
    #expect(
      try CommandRun.connectage(["participants", "add", "P01"] + db).exitCode == 0, "another study: the standard rule")
  }
}
