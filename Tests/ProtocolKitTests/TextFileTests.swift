import Foundation
import ProtocolKit
import SessionModel
import Testing

/// A loader pointed at a file that cannot be read, and where its one problem must stand.
struct UnreadableFile: CustomTestStringConvertible, Sendable {
  let name: String
  let location: String
  let load: @Sendable () throws -> Void

  var testDescription: String { name }
}

@Suite struct TextFileTests {
  static let cases: [UnreadableFile] = [
    UnreadableFile(name: "protocol", location: "absent.yaml") {
      _ = try ProtocolLoader.load(
        contentsOf: RepositoryPaths.fixture("absent.yaml"), assets: RepositoryPaths.fixtureAssets)
    },
    UnreadableFile(name: "any file of Protocols/", location: "absent.yaml") {
      _ = try ProtocolFileValidator.validate(
        contentsOf: RepositoryPaths.fixture("absent.yaml"), assets: RepositoryPaths.fixtureAssets)
    },
    UnreadableFile(name: "folder given as a protocol", location: "Assets") {
      _ = try ProtocolLoader.load(contentsOf: RepositoryPaths.fixture("Assets"), assets: RepositoryPaths.fixtureAssets)
    },
    UnreadableFile(name: "scent catalogue", location: "absent-scents.yaml") {
      _ = try ScentCatalogue.load(contentsOf: RepositoryPaths.fixture("absent-scents.yaml"))
    },
    UnreadableFile(name: "image sheet", location: "Assets/stimuli/absent.yaml") {
      _ = try StimulusLibrary(root: RepositoryPaths.fixtureAssets).stimulus("absent")
    },
    UnreadableFile(name: "then-and-now catalogue", location: "Assets/then-and-now/catalogue.yaml") {
      _ = try ThenAndNowCatalogue.load(assets: RepositoryPaths.fixtureAssets)
    },
    UnreadableFile(name: "right-order catalogue", location: "Assets/bon-ordre/catalogue.yaml") {
      _ = try RightOrderCatalogue.load(assets: RepositoryPaths.fixtureAssets)
    },
  ]

  @Test(arguments: cases)
  func unreadableFileIsNamedAtItsFirstLineAsARuntimeFailure(file: UnreadableFile) {
    do {
      try file.load()
      Issue.record("\(file.name) was read")
    } catch let error as ProtocolValidationFailure {
      #expect(error.isUnreadableFile)
      #expect(
        error.problems.map { $0.text(in: .french) } == [
          "\(file.location):1:1: fichier illisible. Vérifiez que le chemin existe et que le fichier est du texte UTF-8."
        ])
    } catch {
      Issue.record("\(file.name) failed with \(error)")
    }
  }
}
