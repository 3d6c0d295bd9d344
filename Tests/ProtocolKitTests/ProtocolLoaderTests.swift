import Foundation
import ProtocolKit
import SessionModel
import Testing

/// A broken fixture and every line its validation must print, verbatim.
struct BrokenFile: CustomTestStringConvertible, Sendable {
  let name: String
  let expected: [String]

  init(_ name: String, _ expected: [String]) {
    self.name = name
    self.expected = expected
  }

  var testDescription: String { name }
}

@Suite struct ProtocolLoaderTests {
  static let brokenFiles: [BrokenFile] = [
    BrokenFile(
      "broken-animation.yaml",
      [
        "broken-animation.yaml:15:14: une animation n'enregistre rien et ne garde aucune donnée clinique. Écrivez « recording: false » ou passez « kind » à clinical."
      ]),
    BrokenFile(
      "broken-condition-typo.yaml",
      [
        "broken-condition-typo.yaml:9:33: valeur inconnue « image_scnt » pour « conditions ». Vouliez-vous dire « image_scent » ?"
      ]),
    BrokenFile(
      "broken-dates.yaml",
      [
        "broken-dates.yaml:15:10: « 2027-02-30 » n'est pas une date valide pour « start ». Écrivez-la AAAA-MM-JJ, par exemple 2027-01-14.",
        "broken-dates.yaml:17:30: la fermeture va du 2027-05-10 au 2027-05-01 : la fin précède le début. Inversez les deux dates.",
      ]),
    BrokenFile(
      "broken-format.yaml",
      [
        "broken-format.yaml:1:9: format inconnu « connectage-protocole/1 ». Vouliez-vous dire « connectage-protocol/1 » ? Écrivez « format: connectage-protocol/1 » pour un protocole ou « format: connectage-scents/1 » pour un catalogue d'odeurs."
      ]),
    BrokenFile(
      "broken-group-size.yaml",
      [
        "broken-group-size.yaml:8:13: « group_size » vaut 12, hors des bornes. Choisissez une valeur entre 1 et 10."
      ]),
    BrokenFile(
      "broken-missing-image.yaml",
      [
        "Assets/stimuli/fantome.yaml:2:8: le fichier image « Assets/stimuli/fantome.svg » est introuvable. Ajoutez-le dans le dossier des ressources ou corrigez « image: »."
      ]),
    BrokenFile(
      "broken-releases.yaml",
      [
        "broken-releases.yaml:10:21: une séance peut diffuser jusqu'à 3 odeurs, au-delà de « maximum_releases_per_session » (2). Réduisez « trials_per_session » ou les conditions avec odeur."
      ]),
    BrokenFile(
      "broken-safety-limits.yaml",
      [
        "broken-safety-limits.yaml:15:21: « maximum_pulse_ms » vaut 12000, au-delà de la limite absolue 10000. Un protocole peut seulement resserrer les limites de sécurité : choisissez entre 1 et 10000.",
        "broken-safety-limits.yaml:16:24: « minimum_interval_ms » vaut 5000, au-delà de la limite absolue 10000. Un protocole peut seulement resserrer les limites de sécurité : choisissez au moins 10000.",
      ]),
    BrokenFile(
      "broken-scent-catalogue.yaml",
      [
        "broken-scent-catalogue.yaml:9:14: le canal 1 est déjà pris par « pomme ». Donnez à chaque odeur un canal différent entre 1 et 30.",
        "broken-scent-catalogue.yaml:11:13: valeur inconnue « fruits » pour « family ». Vouliez-vous dire « fruit » ?",
        "broken-scent-catalogue.yaml:14:14: « channel » vaut 31, hors des bornes. Choisissez une valeur entre 1 et 30.",
        "broken-scent-catalogue.yaml:15:11: la clé « en » manque. Ajoutez « en: … » à ce niveau.",
      ]),
    BrokenFile(
      "broken-scent-game.yaml",
      [
        "broken-scent-game.yaml:13:3: le jeu « quelle-odeur » diffuse une odeur : en condition image_game il mêlerait les conditions. Retirez-le ou remplacez image_game par image_game_scent.",
        "broken-scent-game.yaml:13:38: valeur inconnue « facile » pour « difficulty ». Choisissez l'une de : easy, medium, hard.",
      ]),
    BrokenFile(
      "broken-scent-pulse.yaml",
      [
        "broken-scent-pulse.yaml:17:19: « scent_pulse_ms » vaut 4000, plus long que « maximum_pulse_ms » (3000). Raccourcissez la diffusion à 3000 ms au plus."
      ]),
    BrokenFile(
      "broken-stimulus-scents.yaml",
      [
        "Assets/stimuli/odeur-inconnue.yaml:6:8: l'odeur « pome » n'est pas dans le catalogue des odeurs. Vouliez-vous dire « pomme » ? Sinon ajoutez-la à Protocols/scents.yaml.",
        "broken-stimulus-scents.yaml:11:11: l'image « sans-odeur » n'a pas d'odeur associée alors que le protocole a une condition avec odeur. Ajoutez « scent: » dans stimuli/sans-odeur.yaml ou retirez l'image de « stimuli ».",
      ]),
    BrokenFile(
      "broken-stimulus-typo.yaml",
      [
        "broken-stimulus-typo.yaml:11:11: l'image « vergr » n'existe pas dans stimuli/ des ressources. Vouliez-vous dire « verger » ? Sinon ajoutez stimuli/vergr.yaml et son image."
      ]),
    BrokenFile(
      "broken-unknown-key.yaml",
      [
        "broken-unknown-key.yaml:1:1: la clé « trials_per_session » manque. Ajoutez « trials_per_session: … » à ce niveau.",
        "broken-unknown-key.yaml:10:1: clé inconnue « trial_per_session ». Vouliez-vous dire « trials_per_session » ?",
      ]),
    BrokenFile(
      "broken-yaml-syntax.yaml",
      [
        "broken-yaml-syntax.yaml:4:1: le YAML ne se lit pas (did not find expected ',' or '}'). Vérifiez l'indentation, les deux-points et les guillemets à cet endroit."
      ]),
  ]

  @Test(arguments: brokenFiles)
  func brokenFileReportsEveryProblemWithItsPlace(file: BrokenFile) {
    do {
      _ = try ProtocolFileValidator.validate(
        contentsOf: RepositoryPaths.fixture(file.name), assets: RepositoryPaths.fixtureAssets)
      Issue.record("\(file.name) was accepted")
    } catch {
      #expect(error.problems.map { $0.text(in: .french) } == file.expected)
      #expect(!error.isUnreadableFile)
    }
  }

  @Test func everyBrokenFixtureIsCovered() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.fixtures.path)
      .filter { $0.hasPrefix("broken-") }
    #expect(Set(names) == Set(Self.brokenFiles.map(\.name)))
    #expect(names.count >= 12)
  }

  @Test func messagesAreInEnglishOnRequest() {
    do {
      _ = try ProtocolLoader.load(
        contentsOf: RepositoryPaths.fixture("broken-stimulus-typo.yaml"), assets: RepositoryPaths.fixtureAssets)
      Issue.record("the typo was accepted")
    } catch {
      #expect(
        error.text(in: .english)
          == "broken-stimulus-typo.yaml:11:11: the image 'vergr' does not exist in the assets' stimuli/. Did you mean 'verger'? Otherwise add stimuli/vergr.yaml and its image."
      )
    }
  }

  @Test func missingFileIsUnreadableNotInvalid() {
    do {
      _ = try ProtocolLoader.load(
        contentsOf: RepositoryPaths.fixture("absent.yaml"), assets: RepositoryPaths.fixtureAssets)
      Issue.record("a missing file loaded")
    } catch {
      #expect(error.isUnreadableFile)
      #expect(error.problems.map(\.location.description) == ["absent.yaml:1:1"])
    }
  }

  @Test func validFileGivesEveryValueAndDefault() throws {
    let loaded = try ProtocolLoader.load(
      contentsOf: RepositoryPaths.fixture("valid-essai.yaml"), assets: RepositoryPaths.fixtureAssets)
    #expect(loaded.id == "essai")
    #expect(loaded.kind == .clinical)
    #expect(loaded.arms.map(\.id) == ["bras-a"])
    #expect(loaded.groupSize == 10)
    #expect(loaded.conditions == [.image, .imageGame, .imageScent])
    #expect(loaded.stimuli.map(\.id) == ["verger", "cafe-du-matin", "champ-de-lavande"])
    #expect(loaded.stimuli.map(\.pairedScent) == ["pomme", "cafe", "lavande"])
    #expect(loaded.stimuli[0].image == "stimuli/verger.svg")
    #expect(loaded.games == [ProtocolGame(kind: .memoryPairs, difficulty: .easy)])
    #expect(loaded.evocation == EvocationSettings(recording: true, maximumAnswerSeconds: 90))
    #expect(loaded.safety == .standard)
    #expect(loaded.counterbalancing == CounterbalancingSettings(unit: .group, maximumSameConditionInARow: 1))
    #expect(loaded.schedule.start == CalendarDate("2027-01-11"))
    #expect(loaded.schedule.closedWeekdays == [6, 7])
    #expect(loaded.schedule.closures == [ClosurePeriod(from: CalendarDate("2027-01-25")!, reason: "fermeture")])
  }

  /// `participant_code_pattern`: the study's own code shape, or the standard one when absent.
  @Test func aProtocolMaySetItsParticipantCodePattern() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-codes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: RepositoryPaths.fixture("scents.yaml"), to: folder.appendingPathComponent("scents.yaml"))
    let essai = try String(contentsOf: RepositoryPaths.fixture("valid-essai.yaml"), encoding: .utf8)
    func load(_ extra: String) throws -> ClinicalProtocol {
      let file = folder.appendingPathComponent("essai.yaml")
      try (essai + extra).write(to: file, atomically: true, encoding: .utf8)
      return try ProtocolLoader.load(contentsOf: file, assets: RepositoryPaths.fixtureAssets)
    }
    #expect(try load("").participantCodes == .standard)
    #expect(try load("participant_code_pattern: \"AVC-[0-9]{3}\"\n").participantCodes.pattern == "AVC-[0-9]{3}")
    do {
      _ = try load("participant_code_pattern: \"([\"\n")
      Issue.record("a pattern that is not a regular expression was accepted")
    } catch let error as ProtocolValidationFailure {
      #expect(error.problems.map { $0.text(in: .english) }.first?.contains("not a valid regular expression") == true)
    }
  }

  @Test func shippedTrialKeepsTheDesignOfTheStudy() throws {
    let trial = try ProtocolLoader.load(
      contentsOf: RepositoryPaths.protocols.appendingPathComponent("espoir-avc.yaml"), assets: RepositoryPaths.assets)
    #expect(trial.kind == .clinical)
    #expect(trial.arms.count == 2)
    #expect(trial.groupSize == 10)
    #expect(trial.conditions == [.image, .imageGame, .imageScent])
    #expect(trial.evocation.recording)
    #expect(trial.schedule.intervalDays == 14 && trial.schedule.durationMonths == 6)
    #expect(trial.stimuli.count == 30)
    #expect(!trial.games.contains { $0.kind == .whichScent })
  }

  @Test func shippedAnimationRecordsNothing() throws {
    let animation = try ProtocolLoader.load(
      contentsOf: RepositoryPaths.protocols.appendingPathComponent("ehpad-animation.yaml"),
      assets: RepositoryPaths.assets)
    #expect(animation.kind == .animation)
    #expect(!animation.evocation.recording)
  }
}
