import Foundation
import ProtocolKit
import SessionModel
import Testing

@Suite struct ProtocolFileValidatorTests {
  @Test(arguments: RepositoryPaths.shippedFiles)
  func shippedFileValidates(name: String) throws {
    let url = RepositoryPaths.protocols.appendingPathComponent(name)
    do {
      _ = try ProtocolFileValidator.validate(contentsOf: url, assets: RepositoryPaths.assets)
    } catch {
      Issue.record("\(error.text(in: .english))")
    }
  }

  @Test func protocolsFolderHoldsTheTrialTheAnimationAndTheCatalogue() {
    let names = RepositoryPaths.shippedFiles
    #expect(["espoir-avc.yaml", "ehpad-animation.yaml", "scents.yaml"].allSatisfy(names.contains))
  }

  @Test func catalogueIsRecognisedByItsFormatLine() throws {
    let file = try ProtocolFileValidator.validate(
      contentsOf: RepositoryPaths.fixture("scents.yaml"), assets: RepositoryPaths.fixtureAssets)
    guard case .scentCatalogue(let catalogue) = file else {
      Issue.record("scents.yaml was read as \(file)")
      return
    }
    #expect(catalogue.scents.map(\.id) == ["pomme", "cafe", "lavande", "mer"])
  }
}
