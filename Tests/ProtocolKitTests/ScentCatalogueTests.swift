import Foundation
import ProtocolKit
import SessionModel
import Testing

@Suite struct ScentCatalogueTests {
  static let channelOrder: [ScentID] = [
    "pomme", "fromage", "herbe-coupee", "cafe", "pain-grille", "lavande", "rose", "chocolat-chaud",
    "savon-de-marseille", "feu-de-bois", "foin", "muguet", "cire", "mer", "fraise", "citron", "orange", "vanille",
    "caramel", "terre-mouillee", "pin", "violette", "miel", "linge-propre", "tomate", "menthe", "crepe", "sous-bois",
    "poire", "tilleul",
  ]

  static func shipped() throws -> ScentCatalogue {
    try ScentCatalogue.load(contentsOf: RepositoryPaths.protocols.appendingPathComponent("scents.yaml"))
  }

  @Test func shippedCatalogueFillsTheThirtyChannelsInOrder() throws {
    let catalogue = try Self.shipped()
    #expect(catalogue.scents.map(\.id) == Self.channelOrder)
    #expect(catalogue.scents.map(\.slot) == CartridgeSlot.all)
  }

  @Test func everyScentHasBothNamesAndAnAllergenNote() throws {
    for scent in try Self.shipped().scents {
      #expect(!scent.name.french.isEmpty && !scent.name.english.isEmpty, "\(scent.id)")
      #expect(!scent.allergenNotes.isEmpty, "\(scent.id)")
      #expect(scent.image == "scents/\(scent.id).svg")
    }
  }

  @Test(arguments: [
    ("lavande", "linalol"), ("citron", "limonène"), ("muguet", "hydroxycitronellal"), ("foin", "coumarine"),
    ("feu-de-bois", "asthme"), ("herbe-coupee", "rhume des foins"), ("pomme", "aucun allergène déclaré connu"),
  ])
  func allergenNotesNameWhatANurseMustKnow(scent: String, note: String) throws {
    let found = try #require(try Self.shipped().scent(ScentID(scent)))
    #expect(found.allergenNotes.contains(note))
  }

  @Test func noIrritantSpiceIsLoaded() throws {
    let irritants = ["poivre", "cannelle", "clou-de-girofle", "piment", "gingembre"]
    #expect(try Self.shipped().scents.allSatisfy { !irritants.contains($0.id.rawValue) })
  }

  @Test func lookupByChannel() throws {
    let catalogue = try Self.shipped()
    #expect(catalogue.scent(in: CartridgeSlot(rawValue: 14)!)?.id == "mer")
    #expect(catalogue.scent(in: CartridgeSlot(rawValue: 14)!)?.name.french == "Air marin")
  }
}
