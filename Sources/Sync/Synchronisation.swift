import Foundation
import SessionModel
import Store

/// The three things a site or an investigator does with the central server: push a site's data,
/// check the server's schema, and read the whole trial back.
public enum Synchronisation {
  /// Pushes everything of `database` the server lacks, after bringing the server's schema up to
  /// date. The installation's site code is set to `site` the first time; later it must match.
  public static func push(
    _ database: SessionDatabase, to address: ServerAddress, password: String?, site requested: SiteID?,
    audioStore: AudioStore?, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
  ) async throws(SyncError) -> SyncSummary {
    let site = try siteCode(of: database, requested: requested)
    let server = try await ServerConnection.open(address, password: password)
    do {
      try await ServerSchema.migrate(server)
      let summary = try await SitePush(
        database: database, site: site, server: server, audioStore: audioStore, progress: progress
      ).run()
      await server.close()
      return summary
    } catch {
      await server.close()
      throw error
    }
  }

  /// How the server's schema compares with this ConnectAge's; changes nothing.
  public static func check(_ address: ServerAddress, password: String?) async throws(SyncError) -> ServerSchemaReport {
    let server = try await ServerConnection.open(address, password: password)
    do {
      let report = try await ServerSchema.report(server)
      await server.close()
      return report
    } catch {
      await server.close()
      throw error
    }
  }

  /// Every site's data from the server, in a new database file at `path` (replaced if present).
  public static func assemble(
    from address: ServerAddress, password: String?, into path: String, audioStore: AudioStore?
  ) async throws(SyncError) -> SessionDatabase {
    let server = try await ServerConnection.open(address, password: password)
    do {
      let database = try await CentralSnapshot.assemble(from: server, into: path, audioStore: audioStore)
      await server.close()
      return database
    } catch {
      await server.close()
      throw error
    }
  }

  /// Every site's data from the server at `path`, for a central review: what an earlier review
  /// left unsent in the file there is sent first (a failure leaves the file as it is and stops
  /// here), then the trial is read again, with the earlier file's answer ids, and the review's
  /// outbox opened on it.
  public static func assembleForReview(
    from address: ServerAddress, password: String?, into path: String, audioStore: AudioStore?
  ) async throws(SyncError) -> SessionDatabase {
    var secret: String?
    if FileManager.default.fileExists(atPath: path) {
      let earlier: SessionDatabase
      do {
        earlier = try SessionDatabase(path: path)
        secret = try earlier.codingSheetSecret()
      } catch {
        throw SyncError.localFailure(StoreError.explanation(of: error))
      }
      _ = try await writeBack(earlier, to: address, password: password)
    }
    let database = try await assemble(from: address, password: password, into: path, audioStore: audioStore)
    do {
      // The same answer ids as last time: a reviewer's place in the queue still holds.
      if let secret { try database.adoptCodingSheetSecret(secret) }
      try database.reviewOutbox.open()
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    return database
  }

  /// Sends a central review's saves waiting in `database`'s outbox; returns how many rows. Opens
  /// no connection when nothing waits.
  public static func writeBack(
    _ database: SessionDatabase, to address: ServerAddress, password: String?
  ) async throws(SyncError) -> Int {
    let waiting: Bool
    do {
      waiting = try database.reviewOutbox.hasPending()
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    guard waiting else { return 0 }
    let server = try await ServerConnection.open(address, password: password)
    do {
      let sent = try await ReviewWriteBack.flush(database, to: server)
      await server.close()
      return sent
    } catch {
      await server.close()
      throw error
    }
  }

  /// The installation's site: set from `requested` the first time, refused when it differs.
  static func siteCode(of database: SessionDatabase, requested: SiteID?) throws(SyncError) -> SiteID {
    do {
      if let requested { try database.installationSite.set(requested) }
      guard let site = try database.installationSite.code() else { throw SyncError.noSite }
      return site
    } catch let error as SyncError {
      throw error
    } catch let error as StoreError where error.isBadInput {
      throw SyncError.refusedLocally(error.message)
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
  }
}
