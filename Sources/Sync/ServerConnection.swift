import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// One connection to the central server. Statements run one after the other, in the order issued;
/// every parameter is bound (never spliced into SQL) and arrives as text, every result is read as
/// text, so the two sides agree on values without sharing types.
final class ServerConnection: Sendable {
  private let connection: PostgresConnection
  let address: ServerAddress
  private let logger: Logger

  private init(connection: PostgresConnection, address: ServerAddress, logger: Logger) {
    self.connection = connection
    self.address = address
    self.logger = logger
  }

  /// Connects over TLS with a verified certificate, or in plain text to a server on loopback.
  static func open(_ address: ServerAddress, password: String?) async throws(SyncError) -> ServerConnection {
    // The driver's own logging stays off: a log line may carry a query, and queries carry data.
    let logger = Logger(label: "connectage.sync", factory: { _ in SwiftLogNoOpLogHandler() })
    do {
      let tls: PostgresConnection.Configuration.TLS
      switch address.security {
      case .plain: tls = .disable
      case .verified: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
      }
      var configuration = PostgresConnection.Configuration(
        host: address.host, port: address.port, username: address.user, password: password,
        database: address.database, tls: tls)
      configuration.options.connectTimeout = .seconds(15)
      // The whole handshake (TCP, TLS, authentication) within a minute: a server that accepts the
      // connection and then says nothing must not hold the sync forever.
      let settings = configuration
      let result: Result<PostgresConnection, SyncError> = await withCheckedContinuation { continuation in
        let answer = FirstAnswer(continuation)
        let connecting = Task {
          do {
            answer.give(.success(try await PostgresConnection.connect(configuration: settings, id: 1, logger: logger)))
          } catch {
            answer.give(.failure(.cannotConnect(address: address.description, reason: Self.reason(of: error))))
          }
        }
        Task {
          try? await Task.sleep(for: .seconds(60))
          answer.give(.failure(.cannotConnect(address: address.description, reason: "no answer within 60 s")))
          connecting.cancel()
        }
      }
      return ServerConnection(connection: try result.get(), address: address, logger: logger)
    } catch let error as SyncError {
      throw error
    } catch {
      throw SyncError.cannotConnect(address: address.description, reason: Self.reason(of: error))
    }
  }

  /// Runs one statement and reads its rows, each value as text (`NULL` as `nil`).
  ///
  /// The answer races the connection's end: a server that ends the connection in the middle of a
  /// statement (a restart, `pg_terminate_backend`, a cut cable) fails the statement at once instead
  /// of leaving the sync waiting for an answer that will never come.
  @discardableResult
  func rows(_ sql: String, _ parameters: [String?] = []) async throws(SyncError) -> [[String?]] {
    guard !connection.isClosed else { throw SyncError.connectionLost(address: address.description) }
    let lost = SyncError.connectionLost(address: address.description)
    let result: Result<[[String?]], SyncError> = await withCheckedContinuation { continuation in
      let answer = FirstAnswer(continuation)
      let query = Task {
        do {
          answer.give(.success(try await self.perform(sql, parameters)))
        } catch {
          answer.give(.failure(self.connection.isClosed ? lost : SyncError.serverFailure(Self.reason(of: error))))
        }
      }
      connection.closeFuture.whenComplete { _ in
        answer.give(.failure(lost))
        query.cancel()
      }
    }
    return try result.get()
  }

  private func perform(_ sql: String, _ parameters: [String?]) async throws -> [[String?]] {
    var bindings = PostgresBindings(capacity: parameters.count)
    for parameter in parameters { bindings.append(parameter) }
    let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    var result: [[String?]] = []
    for try await row in sequence {
      result.append(try row.map { try $0.decode(String?.self) })
    }
    return result
  }

  /// Runs statements in one transaction: all of them, or none if any fails or the connection drops.
  func transaction(_ body: (ServerConnection) async throws(SyncError) -> Void) async throws(SyncError) {
    try await rows("BEGIN")
    do {
      try await body(self)
      try await rows("COMMIT")
    } catch {
      // A connection the server ended has rolled the transaction back itself.
      if !connection.isClosed { _ = try? await rows("ROLLBACK") }
      throw error
    }
  }

  func close() async {
    guard !connection.isClosed else { return }
    try? await connection.close()
  }

  /// The server's own words when it refused, else the driver's: PostgresNIO hides both behind a
  /// generic description so that queries do not leak into logs.
  static func reason(of error: any Error) -> String {
    if let error = error as? PSQLError {
      if let message = error.serverInfo?[.message] {
        let code = error.serverInfo?[.sqlState].map { " (\($0))" } ?? ""
        return message + code
      }
      if let underlying = error.underlying { return "\(underlying)" }
      return "\(error.code)"
    }
    return "\(error)"
  }
}

/// Resumes a continuation with the first answer given, and ignores the others.
private final class FirstAnswer<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<Result<Value, SyncError>, Never>?

  init(_ continuation: CheckedContinuation<Result<Value, SyncError>, Never>) {
    self.continuation = continuation
  }

  func give(_ answer: Result<Value, SyncError>) {
    let waiting = lock.withLock {
      defer { continuation = nil }
      return continuation
    }
    waiting?.resume(returning: answer)
  }
}
