import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// The catalogue `connectage sync` sends is the schema's: a table or column added to the store
/// without a decision about the central server fails here.
@Suite struct ReplicatedTableTests {
  @Test func everyTableIsReplicatedOrLeftOutOnPurpose() throws {
    let schema = try SessionDatabase.inMemory().schema()
    let replicated = Set(ReplicatedTable.catalogue.map(\.name))
    let leftOut = Set(schema.map(\.name)).subtracting(replicated)
    #expect(leftOut == ["site", "coding_sheet_key", "answer_blind_key", "installation", "study_plan"])
    for table in ReplicatedTable.catalogue {
      let columns = try #require(schema.first { $0.name == table.name }?.columns, "\(table.name)")
      let sent = table.columns.map(\.name)
      #expect(Set(sent).isSubset(of: columns), "\(table.name)")
      let kept = Set(columns).subtracting(sent)
      // A site's own rows belong to it: the server keeps the site beside each row instead.
      #expect(kept == (["participant", "session"].contains(table.name) ? ["site_id"] : []), "\(table.name)")
    }
  }

  @Test func rowsReadBackAreTheRowsWritten() throws {
    let database = try SessionDatabase.inMemory()
    let study = ReplicatedTable.named("study")!
    try database.insertReplica(
      [("LYON", ReplicaRow([.text("espoir"), .text("ESPOIR"), .text("espoir-avc"), .null]))], into: study)
    #expect(
      try database.replicaRows(of: study) == [
        ReplicaRow([.text("espoir"), .text("ESPOIR"), .text("espoir-avc"), .null])
      ])
  }

  @Test(arguments: [
    ("LYON-NEURO", true), ("L1", true), ("lyon", false), ("1LYON", false), ("L", false), ("LYON NEURO", false),
  ])
  func aSiteCodeIsACode(code: String, valid: Bool) throws {
    #expect(InstallationSite.isValidCode(code) == valid)
    let database = try SessionDatabase.inMemory()
    #expect(try database.installationSite.installationIdentity() == nil)
    if valid {
      try database.installationSite.set(SiteID(rawValue: code))
      #expect(try database.installationSite.code()?.rawValue == code)
      // The installation's identity is made with the code, and naming the code again keeps it.
      let identity = try #require(try database.installationSite.installationIdentity())
      #expect(identity.count == 32 && identity.allSatisfy(\.isHexDigit))
      try database.installationSite.set(SiteID(rawValue: code))
      #expect(try database.installationSite.installationIdentity() == identity)
      #expect(try SessionDatabase.inMemory().installationSite.installationIdentity() == nil)
      #expect(throws: StoreError.siteAlreadySet(SiteID(rawValue: code), requested: "OTHER")) {
        try database.installationSite.set("OTHER")
      }
    } else {
      #expect(throws: StoreError.invalidSiteCode(code)) { try database.installationSite.set(SiteID(rawValue: code)) }
    }
  }
}
