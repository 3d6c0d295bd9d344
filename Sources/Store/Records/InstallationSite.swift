import Foundation
internal import GRDB
import SessionModel

/// The site this installation is: a code (`LYON-NEURO`), never a place name, set once so that every
/// row it synchronises is known to come from it.
public struct InstallationSite: Sendable {
  let database: SessionDatabase

  /// Upper-case letters, digits and hyphens, 2 to 16 characters, starting with a letter: the same
  /// rule the table's CHECK enforces.
  public static func isValidCode(_ code: String) -> Bool {
    guard (2...16).contains(code.count), let first = code.first, first.isASCII, first.isUppercase else { return false }
    return code.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "-" }
  }

  /// The site code, or `nil` before one was set.
  public func code() throws -> SiteID? {
    try database.read { db in
      try String.fetchOne(db, sql: "SELECT site_id FROM installation WHERE id = 1").map(SiteID.init(rawValue:))
    }
  }

  /// Sets the site code the first time; naming the same code again is accepted, another one is
  /// refused (``StoreError/siteAlreadySet(_:requested:)``): rows already pushed under one code would
  /// otherwise be claimed twice.
  public func set(_ code: SiteID, at date: Date = Date()) throws {
    guard Self.isValidCode(code.rawValue) else { throw StoreError.invalidSiteCode(code.rawValue) }
    try database.write { db in
      if let current = try String.fetchOne(db, sql: "SELECT site_id FROM installation WHERE id = 1") {
        guard current == code.rawValue else {
          throw StoreError.siteAlreadySet(SiteID(rawValue: current), requested: code)
        }
        return
      }
      try db.execute(
        sql:
          "INSERT INTO installation (id, site_id, set_at, installation_id) VALUES (1, ?, ?, lower(hex(randomblob(16))))",
        arguments: [code.rawValue, ISO8601DateFormatter().string(from: date)])
    }
  }

  /// This installation's random identity (32 hex digits), made with its site code; `nil` before
  /// the site was set. It names no one and nothing: it only tells two installations apart.
  public func installationIdentity() throws -> String? {
    try database.read { db in
      try String.fetchOne(db, sql: "SELECT installation_id FROM installation WHERE id = 1")
    }
  }
}

extension SessionDatabase {
  public var installationSite: InstallationSite { InstallationSite(database: self) }
}
