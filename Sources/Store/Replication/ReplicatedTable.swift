import SessionModel

/// A table a site pushes to the central server, as both sides must agree on it: its columns and
/// types, the key that names a row, and how the server keeps its rows.
///
/// The catalogue is the contract between a site's SQLite file and the server's schema
/// (`Sync.ServerSchema`): a column added here needs a server migration that adds it there.
public struct ReplicatedTable: Sendable, Hashable {
  /// How the server holds a table's rows.
  public enum Keeping: Sendable, Hashable {
    /// The site's rows as they are now: changed rows replaced, removed rows removed. The server's
    /// key is the site and ``ReplicatedTable/key``.
    case mirror
    /// Like `mirror`, but the key names the row across every site (a participant code, a session
    /// identifier): a second site claiming a key another site owns is refused.
    case claimed
    /// Never changed, never removed: each row is pushed once, in the order of `cursor`, the local
    /// auto-incremented column. The server's key is the site and the cursor.
    case appendOnly(cursor: String)
    /// Every version a site ever had is kept: the server's key is the site, ``ReplicatedTable/key``
    /// and the `at` column, the time the version was saved. The current value is the latest.
    case history(at: String)
  }

  public let name: String
  public let columns: [ReplicatedColumn]
  /// The columns that name a row within one site (for `appendOnly`, unused).
  public let key: [String]
  public let keeping: Keeping

  public init(name: String, columns: [ReplicatedColumn], key: [String], keeping: Keeping) {
    self.name = name
    self.columns = columns
    self.key = key
    self.keeping = keeping
  }

  /// Where column `name` sits in the table's rows; the catalogue's own names only.
  public func position(of name: String) -> Int {
    guard let position = columns.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("\(self.name) has no column \(name) in the catalogue")
    }
    return position
  }

  /// Where the key's columns sit in the table's rows.
  public var keyPositions: [Int] { key.map(position(of:)) }

  /// The local cursor of an append-only table, which the server keeps beside the site.
  public var cursor: String? {
    if case .appendOnly(let cursor) = keeping { return cursor }
    return nil
  }
}

/// One column of a ``ReplicatedTable``.
public struct ReplicatedColumn: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case text, integer, real
  }

  public let name: String
  public let kind: Kind
  public let isNullable: Bool
  /// The identifier the column holds, when a site makes it up (a session, run or group): the
  /// server holds it qualified with the site's code (``SiteIdentifier/qualified(_:at:)``).
  public let identifier: SiteIdentifier?
  /// How the column's values are redacted before they leave the site, when they may name a
  /// person or a machine (``ReplicaRow/redacted(in:)``).
  public let redaction: Redaction?

  /// What of a column's value leaves the site.
  public enum Redaction: Sendable, Hashable {
    /// A place on the site's disk (`/home/marie/etude/…/S01-T1-player1-turn1.wav`): only its file
    /// name, as ``EventRedaction/fileName(_:)`` keeps it.
    case fileName
    /// An event's stored payload: its values as ``EventRedaction/redacted(_:of:)`` leaves them, for
    /// the type in the row's `type` column.
    case eventPayload
  }

  public init(
    _ name: String, _ kind: Kind, nullable: Bool = false, identifies identifier: SiteIdentifier? = nil,
    redacted redaction: Redaction? = nil
  ) {
    self.name = name
    self.kind = kind
    self.isNullable = nullable
    self.identifier = identifier
    self.redaction = redaction
  }
}
