/// One value of a replicated row, as SQLite and PostgreSQL both hold it.
public enum ReplicaValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// The value as PostgreSQL reads it back from text (`NULL` for null): integers in decimal, reals
  /// in the shortest form that reads back as the same double.
  public var sqlText: String? {
    switch self {
    case .null: nil
    case .integer(let value): String(value)
    case .real(let value): "\(value)"
    case .text(let value): value
    }
  }
}

/// A row of a ``ReplicatedTable``: its values in the catalogue's column order, and the site it
/// belongs to when it was read from a central server.
public struct ReplicaRow: Sendable, Hashable {
  public var values: [ReplicaValue]

  public init(_ values: [ReplicaValue]) {
    self.values = values
  }
}
