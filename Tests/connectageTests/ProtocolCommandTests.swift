import Foundation
import SessionModel
import Store
import Testing

@Suite struct ProtocolCommandTests {
  static let fixtures = "Tests/ProtocolKitTests/Fixtures"
  static let assets = ["--assets", "\(fixtures)/Assets"]

  @Test func validateAcceptsAGoodFile() throws {
    let run = try CommandRun.connectage(["protocol", "validate", "\(Self.fixtures)/valid-essai.yaml"] + Self.assets)
    #expect(run.standardOutput == "\(Self.fixtures)/valid-essai.yaml: valide\n")
    #expect(run.standardError == "")
    #expect(run.exitCode == 0)
  }

  @Test func validateSaysValidInEnglish() throws {
    let run = try CommandRun.connectage(
      ["protocol", "validate", "\(Self.fixtures)/scents.yaml"] + Self.assets, environment: ["CONNECTAGE_LANG": "en"])
    #expect(run.standardOutput == "\(Self.fixtures)/scents.yaml: valid\n")
    #expect(run.exitCode == 0)
  }

  @Test func validateReportsEveryProblemOfABrokenFileAndExitsTwo() throws {
    let good = "\(Self.fixtures)/valid-essai.yaml"
    let broken = "\(Self.fixtures)/broken-safety-limits.yaml"
    let run = try CommandRun.connectage(["protocol", "validate", good, broken] + Self.assets)
    #expect(run.standardOutput == "\(good): valide\n")
    #expect(
      run.standardError == """
        \(broken):15:21: « maximum_pulse_ms » vaut 12000, au-delà de la limite absolue 10000. Un protocole peut seulement resserrer les limites de sécurité : choisissez entre 1 et 10000.
        \(broken):16:24: « minimum_interval_ms » vaut 5000, au-delà de la limite absolue 10000. Un protocole peut seulement resserrer les limites de sécurité : choisissez au moins 10000.

        """)
    #expect(run.exitCode == 2)
  }

  @Test func validateOfAMissingFileExitsOne() throws {
    let run = try CommandRun.connectage(["protocol", "validate", "Protocols/absent.yaml"] + Self.assets)
    #expect(run.standardOutput == "")
    #expect(
      run.standardError
        == "Protocols/absent.yaml:1:1: fichier illisible. Vérifiez que le chemin existe et que le fichier est du texte UTF-8.\n"
    )
    #expect(run.exitCode == 1)
  }

  @Test func scheduleMovesTheSessionOffAClosedDay() throws {
    let run = try CommandRun.connectage(
      ["protocol", "schedule", "\(Self.fixtures)/valid-essai.yaml", "--start", "2027-01-11"] + Self.assets)
    #expect(
      run.standardOutput == """
        Calendrier essai : 5 séance(s) tous les 14 jours à partir du 2027-01-11
        Séance  Date        Jour   Remarque
        1       2027-01-11  lundi
        2       2027-01-26  mardi  déplacée du 2027-01-25 (jour fermé)
        3       2027-02-08  lundi
        4       2027-02-22  lundi
        5       2027-03-08  lundi

        """)
    #expect(run.exitCode == 0)
  }

  @Test func scheduleAsJSONRecordsTheMove() throws {
    let run = try CommandRun.connectage(
      ["protocol", "schedule", "\(Self.fixtures)/valid-essai.yaml", "--json"] + Self.assets)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let sessions = try #require(object["sessions"] as? [[String: Any]])
    #expect(sessions.count == 5)
    #expect(sessions[1]["date"] as? String == "2027-01-26")
    #expect(sessions[1]["movedFrom"] as? String == "2027-01-25")
    #expect(run.exitCode == 0)
  }

  @Test func scheduleRefusesAnImpossibleStartDate() throws {
    let run = try CommandRun.connectage(
      ["protocol", "schedule", "\(Self.fixtures)/valid-essai.yaml", "--start", "2027-02-30"] + Self.assets)
    #expect(run.standardOutput == "")
    #expect(
      run.standardError
        == "« 2027-02-30 » n'est pas une date valide pour --start. Écrivez-la AAAA-MM-JJ, par exemple 2027-01-14.\n")
    #expect(run.exitCode == 2)
  }

  @Test func planPrintsOneLinePerTrial() throws {
    let run = try CommandRun.connectage(
      ["protocol", "plan", "\(Self.fixtures)/valid-essai.yaml", "--participants", "4", "--seed", "42"] + Self.assets)
    let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "Plan essai : graine 42, 4 participant(s), 1 groupe(s)")
    #expect(lines[1] == "Groupe  Séance  Date        Essai  Condition    Image             Jeu ou odeur")
    #expect(lines[2] == "G01     1       2027-01-11  1      image_game   verger            jeu paires")
    #expect(lines[3] == "G01     1       2027-01-11  2      image_scent  cafe-du-matin     odeur cafe (canal 4)")
    #expect(lines[4] == "G01     1       2027-01-11  3      image        champ-de-lavande")
    // 5 sessions × 3 trials, a summary, a header and the final newline.
    #expect(lines.count == 2 + 15 + 1)
    #expect(run.exitCode == 0)
  }

  @Test func planAsJSONCarriesTheSeedAndIsReproducible() throws {
    let arguments = [
      "protocol", "plan", "\(Self.fixtures)/valid-essai.yaml", "--participants", "23", "--seed", "7", "--json",
    ]
    let run = try CommandRun.connectage(arguments + Self.assets)
    let again = try CommandRun.connectage(arguments + Self.assets)
    #expect(run.standardOutput == again.standardOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(object["seed"] as? Int == 7)
    #expect(object["participants"] as? Int == 23)
    #expect((object["units"] as? [Any])?.count == 3)
    #expect(run.exitCode == 0)
  }

  /// Before a study's first session, the researcher fixes its plan; it cannot change afterwards.
  @Test func planRecordedAsTheStudysCannotChange() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let record = ["protocol", "plan", "\(Self.fixtures)/valid-essai.yaml", "--record", "--db", folder.databasePath]
    let first = try CommandRun.connectage(record + ["--participants", "23", "--seed", "7"] + Self.assets)
    #expect(first.exitCode == 0, "\(first.standardError)")
    #expect(
      try SessionDatabase(path: folder.databasePath).studies.plan(of: "essai")
        == PlanChoice(participants: 23, seed: 7))
    let same = try CommandRun.connectage(record + ["--participants", "23", "--seed", "7"] + Self.assets)
    #expect(same.exitCode == 0)
    let other = try CommandRun.connectage(record + ["--participants", "20", "--seed", "7"] + Self.assets)
    #expect(other.exitCode == 2)
    #expect(
      other.standardError
        == "L'étude essai est déjà planifiée pour 23 participants avec la graine 7 ; ce plan ne peut plus changer.\n")
    #expect(other.standardOutput == "")
  }

  @Test func planRefusesZeroParticipants() throws {
    let run = try CommandRun.connectage(
      ["protocol", "plan", "\(Self.fixtures)/valid-essai.yaml", "--participants", "0", "--seed", "1"] + Self.assets)
    #expect(run.standardError == "--participants vaut 0. Donnez au moins 1 participant.\n")
    #expect(run.exitCode == 2)
  }

  @Test func planOfABrokenProtocolPrintsItsProblemsAndExitsTwo() throws {
    let broken = "\(Self.fixtures)/broken-group-size.yaml"
    let run = try CommandRun.connectage(
      ["protocol", "plan", broken, "--participants", "3", "--seed", "1"] + Self.assets)
    #expect(run.standardOutput == "")
    #expect(
      run.standardError
        == "\(broken):8:13: « group_size » vaut 12, hors des bornes. Choisissez une valeur entre 1 et 10.\n")
    #expect(run.exitCode == 2)
  }
}
