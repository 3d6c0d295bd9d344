import Foundation
import SessionModel
import Testing

@testable import Research

/// `event_types.csv` is generated from the catalogue; its committed copy (docs/codebook/) is the
/// one researchers read without running an export, so it must never drift from the catalogue.
@Suite struct EventTypesTableTests {
  static let committed = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/codebook/event_types.csv")

  @Test func theCommittedTableIsTheOneTheCatalogueGenerates() throws {
    if ProcessInfo.processInfo.environment["CONNECTAGE_UPDATE_GOLDENS"] == "1" {
      try EventTypesTable.text.write(to: Self.committed, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: Self.committed, encoding: .utf8)
    #expect(
      committed == EventTypesTable.text,
      "docs/codebook/event_types.csv differs from the catalogue: run CONNECTAGE_UPDATE_GOLDENS=1 swift test --filter EventTypesTableTests and review the diff"
    )
  }

  @Test func everyTypeAndEveryKeyHasItsRowWithAMeaning() {
    let rows = EventTypesTable.rows
    for entry in EventCatalogue.entries {
      let own = rows.filter { $0[0] == entry.type.rawValue }
      #expect(!own.isEmpty, "\(entry.type) has no row")
      #expect(own.allSatisfy { $0[1] == entry.domain.rawValue && !$0[2].isEmpty })
      #expect(own.map(\.[3]).filter { $0 != "*" && !$0.isEmpty } == entry.keys.map(\.name))
    }
    #expect(rows.allSatisfy { $0.count == 8 && ($0[3].isEmpty || !$0[6].isEmpty) })
    #expect(rows.contains { $0[0] == "*" && $0[3] == "happenedAtNanoseconds" && $0[4] == "ns" })
  }
}
