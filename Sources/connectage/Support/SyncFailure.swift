import Sync

/// A ``SyncError`` as the project's exit codes: 2 for what the user can fix, 1 otherwise.
enum SyncFailure {
  static func translating<Result>(_ work: () throws(SyncError) -> Result) throws(CommandFailure) -> Result {
    do {
      return try work()
    } catch {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }

  static func translating<Result>(_ work: () async throws(SyncError) -> Result) async throws(CommandFailure) -> Result {
    do {
      return try await work()
    } catch {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }
}
