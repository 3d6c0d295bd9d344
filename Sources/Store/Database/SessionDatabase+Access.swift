internal import GRDB

extension SessionDatabase {
  /// Runs `body` in one write transaction; SQLite's own errors come out as ``StoreError/databaseFailure(_:)``
  /// so that no GRDB type reaches callers.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    try translatingErrors { try writer.write(body) }
  }

  /// Runs `body` on a consistent snapshot of the database.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try translatingErrors { try writer.read(body) }
  }

  private func translatingErrors<T>(_ work: () throws -> T) throws -> T {
    do {
      return try work()
    } catch let error as StoreError {
      throw error
    } catch {
      if let fault = StorageFault.of(error) { throw StoreError.storage(fault, path: path) }
      throw StoreError.databaseFailure("\(error)")
    }
  }
}
