import Foundation
import SessionModel
import Store

/// A review of the whole trial from the central server (`connectage review --from`): the trial
/// read back into a working file kept between runs, and the review's saves written back to the
/// server every few seconds and once more at the end.
public struct CentralReview: Sendable {
  public let database: SessionDatabase
  let address: ServerAddress
  let password: String?

  /// Sends what an earlier review left in `path`, then reads the trial back into it.
  public static func open(
    _ address: ServerAddress, password: String?, workingFile path: String, audioStore: AudioStore?
  ) async throws(SyncError) -> CentralReview {
    let database = try await Synchronisation.assembleForReview(
      from: address, password: password, into: path, audioStore: audioStore)
    return CentralReview(database: database, address: address, password: password)
  }

  /// Writes the saves back every `interval` until cancelled; a failure is reported through
  /// `failed` and the saves wait in the outbox for the next attempt.
  public func writeBackWhileOpen(
    every interval: Duration = .seconds(2), failed: @Sendable (SyncError) -> Void = { _ in }
  ) async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      do {
        _ = try await Synchronisation.writeBack(database, to: address, password: password)
      } catch {
        failed(error)
      }
    }
  }

  /// Writes back what is left; throws when the server cannot take it (the saves stay in the
  /// working file and go first at the next `review --from`).
  @discardableResult
  public func writeBackTheRest() async throws(SyncError) -> Int {
    try await Synchronisation.writeBack(database, to: address, password: password)
  }
}
