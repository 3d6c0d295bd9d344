internal import GRDB

extension SessionDatabase {
  /// Runs `body` in one write transaction; SQLite's own errors come out as ``StoreError/databaseFailure(_:)``
  /// so that no GRDB type reaches callers.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.write(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.databaseFailure("\(error)")
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.databaseFailure("\(error)")
    }
  }
}
