/// One table of the database and its column names, as SQLite reports them.
public struct TableDescription: Hashable, Sendable {
  public var name: String
  public var columns: [String]

  public init(name: String, columns: [String]) {
    self.name = name
    self.columns = columns
  }
}
