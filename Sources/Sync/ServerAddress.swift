import Foundation

/// Where the central PostgreSQL server is: `postgres://USER@HOST:PORT/DATABASE?sslmode=…`.
///
/// The password is never part of it: a password typed on the command line would stay in the
/// shell's history and in the list of running processes, so it comes from the environment or
/// `~/.pgpass` (``PasswordSource``).
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
  public enum Security: String, Sendable, Hashable {
    /// No TLS: accepted only for a server on this machine (loopback).
    case plain = "disable"
    /// TLS, and the server's certificate must be valid for its host name: the default.
    case verified = "verify-full"
  }

  public let user: String
  public let host: String
  public let port: Int
  public let database: String
  public let security: Security

  /// Reads a `postgres://` or `postgresql://` URL; `sslmode` may be `disable` (loopback only),
  /// `require` or `verify-full` (both mean verified TLS here: a certificate that is not checked
  /// protects against nobody).
  public init(_ text: String) throws(SyncError) {
    guard let url = URLComponents(string: text), let scheme = url.scheme,
      scheme == "postgres" || scheme == "postgresql", let host = url.host, !host.isEmpty
    else { throw SyncError.badAddress(Self.redacted(text)) }
    if url.password != nil { throw SyncError.passwordInAddress }
    let name = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
    guard let user = url.user, !user.isEmpty, !name.isEmpty, !name.contains("/") else {
      throw SyncError.badAddress(Self.redacted(text))
    }
    self.user = user
    self.host = host
    port = url.port ?? 5432
    database = name
    let loopback = Self.isLoopback(host)
    let mode = url.queryItems?.first { $0.name == "sslmode" }?.value
    switch mode {
    case nil: security = loopback ? .plain : .verified
    case "disable":
      guard loopback else { throw SyncError.plainTextOffLoopback(host: host) }
      security = .plain
    case "require", "verify-ca", "verify-full": security = .verified
    case let other?: throw SyncError.unknownTLSMode(other)
    }
  }

  public var isLoopback: Bool { Self.isLoopback(host) }

  /// The address without anything secret, for messages and logs.
  public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

  /// A folder name for what is kept of this server locally (a central review's working file):
  /// letters, digits and hyphens only.
  public var workingFolderName: String {
    let text = "\(user)-\(host)-\(port)-\(database)"
    return String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
  }

  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// `text` with anything between `//` and `@` reduced to the user name, so that a mistyped address
  /// holding a password is never echoed whole. The last `@` ends the credentials: a password may
  /// hold one (`site:p@ss@db`), and cutting too much from a wrong address hides nothing it needs.
  static func redacted(_ text: String) -> String {
    guard let slashes = text.range(of: "//"),
      let at = text.range(of: "@", options: .backwards, range: slashes.upperBound..<text.endIndex)
    else { return text }
    let credentials = text[slashes.upperBound..<at.lowerBound]
    let user = credentials.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    return String(text[..<slashes.upperBound]) + user + String(text[at.lowerBound...])
  }
}
