import Foundation

/// A throwaway PostgreSQL cluster for one test: `initdb` into a temporary folder, the server on a
/// free loopback port, removed by ``stop()``. The superuser connects through the cluster's own
/// socket without a password; TCP connections on loopback need a password (SCRAM), as a real
/// server's would. As root, the cluster is run by Debian's `postgres` user: PostgreSQL refuses root.
public final class TemporaryPostgres: @unchecked Sendable {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  public let port: Int
  public let folder: URL
  private let binaries: String
  private var stopped = false

  /// The role and database tests sync to, with its password.
  public static let role = "connectage_sync"
  public static let password = "not-a-real-secret-9f2c"
  public static let database = "trial"

  /// - Parameter durable: the server's own settings, every commit flushed to disk (benchmarks);
  ///   by default tests trade that for speed (`fsync = off`): the cluster is thrown away anyway.
  public init(durable: Bool = false) throws {
    guard let binaries = Self.binaries() else {
      throw Failure(description: "PostgreSQL is not installed: run scripts/install-deps (Debian package postgresql)")
    }
    self.binaries = binaries
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-pg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    port = try Self.freePort()
    try ownByServerUser(folder.path)
    let passwordFile = folder.appendingPathComponent("superuser-password").path
    try "unused\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
    try ownByServerUser(passwordFile)
    try runAsServer(
      "initdb",
      [
        "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
        "--pwfile=\(passwordFile)", "-E", "UTF8", "--no-instructions",
      ])
    try runAsServer(
      "pg_ctl",
      [
        "-D", data, "-w", "-l", folder.appendingPathComponent("server.log").path, "-o",
        "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start",
      ])
    try psql("CREATE ROLE \(Self.role) LOGIN PASSWORD '\(Self.password)'")
    try psql("CREATE DATABASE \(Self.database) OWNER \(Self.role)")
  }

  deinit { stop() }

  /// `postgres://connectage_sync@127.0.0.1:PORT/trial` (the password is not in it).
  public var address: String { "postgres://\(Self.role)@127.0.0.1:\(port)/\(Self.database)" }

  /// The environment a `connectage` child needs to reach the server.
  public var environment: [String: String] { ["PGPASSWORD": Self.password] }

  /// Runs SQL as the superuser (in `database`, default the trial's) and returns psql's unaligned output.
  @discardableResult
  public func psql(_ sql: String, database: String = "postgres") throws -> String {
    try runAsServer(
      "psql",
      [
        "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-h", folder.path, "-p", "\(port)", "-U", "postgres",
        "-d", database, "-c", sql,
      ])
  }

  /// Each table's row count and a hash of its rows' text, by table name: two databases holding
  /// the same rows have the same hashes. The sync's own bookkeeping (runs, migrations, which
  /// installation holds a site code, all dated by the server's clock) is left out.
  public func contentHashes(of database: String) throws -> [String: String] {
    let tables = try psql(
      """
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('connectage_sync_run', 'connectage_migration', 'connectage_site') ORDER BY 1
      """, database: database
    ).split(separator: "\n").map(String.init)
    var hashes: [String: String] = [:]
    for table in tables {
      hashes[table] = try psql(
        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \(table) t",
        database: database)
    }
    return hashes
  }

  public func stop() {
    guard !stopped else { return }
    stopped = true
    _ = try? runAsServer("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(at: folder)
  }

  private var data: String { folder.appendingPathComponent("data").path }

  @discardableResult
  private func runAsServer(_ tool: String, _ arguments: [String]) throws -> String {
    let command =
      getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", "\(binaries)/\(tool)"] : ["\(binaries)/\(tool)"]
    // Through a shell that closes every descriptor above 2 first: Foundation watches a socket it
    // gives the child to learn that it ended, and the server pg_ctl leaves running would inherit
    // that socket and keep it open, so the wait would never end.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      [
        "-c",
        "for f in /proc/$$/fd/*; do n=${f##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\" 2>/dev/null; done; exec \"$@\"",
        "bash",
      ]
      + command + arguments
    // Files, not pipes: the server pg_ctl starts inherits them and lives on, and a pipe would
    // never reach its end while it does.
    let outputFile = folder.appendingPathComponent("out-\(UUID().uuidString)")
    let errorFile = folder.appendingPathComponent("err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    process.waitUntilExit()
    let printed = (try? Data(contentsOf: outputFile)) ?? Data()
    let complaint = (try? Data(contentsOf: errorFile)) ?? Data()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "\(tool) failed: \(String(decoding: complaint, as: UTF8.self))")
    }
    return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func ownByServerUser(_ path: String) throws {
    guard getuid() == 0 else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/chown")
    process.arguments = ["postgres:postgres", path]
    try process.run()
    process.waitUntilExit()
  }

  /// The newest `/usr/lib/postgresql/N/bin` (Debian's layout).
  private static func binaries() -> String? {
    let root = "/usr/lib/postgresql"
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return versions.compactMap(Int.init).sorted().last.map { "\(root)/\($0)/bin" }
  }

  /// A loopback port nobody listens on now.
  private static func freePort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
      }
    }
    guard bound else { throw Failure(description: "no free loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
