import Foundation
import ProtocolKit
import SessionModel
import Testing

@Suite struct RightOrderCatalogueTests {
  @Test func theShippedProcessesHaveThreeStepsWhosePicturesExist() throws {
    let catalogue = try RightOrderCatalogue.load(assets: RepositoryPaths.assets)
    #expect(catalogue.entries.map(\.id) == ["tarte-aux-pommes", "pain", "poule", "tricot"])
    for entry in catalogue.entries {
      #expect(entry.steps.count == 3, "\(entry.id)")
      #expect(!entry.title.french.isEmpty && !entry.title.english.isEmpty)
      for step in entry.steps {
        #expect(step.image.hasPrefix("bon-ordre/"))
        #expect(
          FileManager.default.fileExists(atPath: RepositoryPaths.assets.appendingPathComponent(step.image).path),
          "\(step.image) is missing")
      }
    }
    let images = catalogue.entries.flatMap(\.steps).map(\.image)
    #expect(Set(images).count == images.count, "a picture is used twice, so its place would be ambiguous")
  }

  struct BadCatalogue: Sendable, CustomTestStringConvertible {
    let id: String
    let yaml: String
    let message: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    BadCatalogue(
      id: "a process of one step",
      yaml: "- id: seul\n  title: {fr: Seul, en: Alone}\n  steps:\n    - {image: a.svg, label: {fr: A, en: A}}\n",
      message: "process 'seul' has 1 steps: give it 2 to 5 pictures."),
    BadCatalogue(
      id: "a process without steps", yaml: "- id: vide\n  title: {fr: Vide, en: Empty}\n",
      message: "the right-order catalogue is malformed"),
  ])
  func aBadCatalogueIsNamedWithWhatToFix(_ bad: BadCatalogue) throws {
    let assets = FileManager.default.temporaryDirectory.appendingPathComponent("bon-ordre-\(UUID().uuidString)")
    let folder = assets.appendingPathComponent("bon-ordre")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: assets) }
    try bad.yaml.write(to: folder.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
    do {
      _ = try RightOrderCatalogue.load(assets: assets)
      Issue.record("a bad catalogue was read")
    } catch {
      #expect(!error.isUnreadableFile)
      let problem = try #require(error.problems.first)
      #expect(problem.location.file.hasSuffix("bon-ordre/catalogue.yaml"))
      #expect(problem.text(in: .english).contains(bad.message))
      #expect(problem.text(in: .french).contains("catalogue") || problem.text(in: .french).contains("processus"))
    }
  }

  @Test func aProtocolNamesTheGameBonOrdre() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bon-ordre-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: RepositoryPaths.fixture("scents.yaml"), to: folder.appendingPathComponent("scents.yaml"))
    let essai = try String(contentsOf: RepositoryPaths.fixture("valid-essai.yaml"), encoding: .utf8)
    let file = folder.appendingPathComponent("essai.yaml")
    try essai.replacingOccurrences(of: "- {game: paires}", with: "- {game: bon-ordre, difficulty: medium}")
      .write(to: file, atomically: true, encoding: .utf8)
    let loaded = try ProtocolLoader.load(contentsOf: file, assets: RepositoryPaths.fixtureAssets)
    #expect(loaded.games == [ProtocolGame(kind: .rightOrder, difficulty: .medium)])
    #expect(!GameKind.rightOrder.needsScent, "a clinical image_game condition may use it")
  }
}
