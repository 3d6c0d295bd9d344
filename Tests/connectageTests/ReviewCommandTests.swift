import Foundation
import Store
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `connectage review` as a user starts it: one URL with a token on loopback, the token required,
/// a clean stop on Ctrl-C, and every save on disk even when the process is killed.
@Suite(.serialized) struct ReviewCommandTests {
  @Test func printsOneLoopbackURLWithATokenAndStopsCleanlyOnControlC() async throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let server = try ReviewProcess(database: study.database.path!)
    defer { server.stop() }
    let url = try await server.url()
    #expect(url.scheme == "http")
    #expect(url.host == "127.0.0.1")
    #expect(url.port != nil && url.port != 0)
    let token = try #require(url.query?.split(separator: "=").last.map(String.init))
    #expect(token.count == 64)
    #expect(server.output.split(separator: "\n").count == 1)

    #expect(try await server.get("/api/queue", token: token).status == 200)
    #expect(try await server.get("/api/queue", token: nil).status == 401)
    #expect(try await server.get("/api/queue", token: String(token.reversed())).status == 401)

    server.signal(SIGINT)
    #expect(await server.exitStatus() == 0)
  }

  @Test func keepsASaveWhenKilled() async throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let server = try ReviewProcess(database: study.database.path!)
    defer { server.stop() }
    let token = try await server.token()
    let (id, revision) = try await server.firstAnswer(for: "ORT1", token: token)
    let saved = try await server.post(
      "/api/answers/\(id)/memories", token: token,
      json: ["coder": "ORT1", "revision": revision, "memories": 2, "specific": 1])
    #expect(saved.status == 200)
    server.signal(SIGKILL)
    _ = await server.exitStatus()

    let reopened = try SessionDatabase(path: study.database.path!)
    let answer = try #require(try reopened.review.answer(withID: id))
    #expect(
      try reopened.review.records()[answer]?.coders.values.first?.memories == MemoryCount(memories: 2, specific: 1))
  }

  @Test(arguments: [
    (["--listen", "nowhere"], "--listen « nowhere »"),
    (["--listen", "127.0.0.1:99999"], "--listen « 127.0.0.1:99999 »"),
  ])
  func refusesAnAddressItCannotUse(_ arguments: [String], _ message: String) throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let run = try CommandRun.connectage(["review", "--db", study.database.path!, "--no-browser"] + arguments)
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains(message))
    #expect(run.standardOutput.isEmpty)
  }

  /// A second coder reviews the trial from the central server: a save made in the page reaches
  /// the server, under the central review and the answer's site-qualified session, by Ctrl-C.
  @Test func aReviewFromTheCentralServerWritesItsSavesBack() async throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let postgres = try TemporaryPostgres()
    defer { postgres.stop() }
    let audio = study.database.path! + "-audio"
    let sync = try await CommandRun.connectage(
      ["sync", "--to", postgres.address, "--site", "LYON", "--audio-to", audio, "--db", study.database.path!],
      environment: postgres.environment)
    try #require(sync.exitCode == 0, "\(sync.standardError)")
    let home = study.database.path! + "-home"
    let server = try ReviewProcess(
      arguments: ["--from", postgres.address, "--audio-from", audio],
      environment: postgres.environment.merging(["XDG_DATA_HOME": home]) { $1 })
    defer { server.stop() }
    let token = try await server.token()
    // The page loads: the answer's recording is read from the audio store.
    let (id, revision) = try await server.firstAnswer(for: "ORT2", token: token)
    let saved = try await server.post(
      "/api/answers/\(id)/memories", token: token,
      json: ["coder": "ORT2", "revision": revision, "memories": 2, "specific": 1])
    #expect(saved.status == 200)
    let transcript = try await server.post(
      "/api/answers/\(id)/transcript", token: token,
      json: ["coder": "ORT2", "revision": revision + 1, "text": "le café.", "mode": "text"])
    #expect(transcript.status == 422, "a transcript is corrected at its site")
    server.signal(SIGINT)
    #expect(await server.exitStatus() == 0)
    #expect(
      try postgres.psql(
        "SELECT coder || ' ' || memories_n || ' ' || left(session_id, 5) FROM memory_coding WHERE site = 'central-review'",
        database: TemporaryPostgres.database) == "ORT2 2 LYON-")
    // The next review reads the trial again into the same working file, links to the audio included.
    let again = try ReviewProcess(
      arguments: ["--from", postgres.address, "--audio-from", audio],
      environment: postgres.environment.merging(["XDG_DATA_HOME": home]) { $1 })
    defer { again.stop() }
    #expect(try await again.get("/api/answers/\(id)?coder=ORT2", token: again.token()).status == 200)
    again.signal(SIGINT)
    #expect(await again.exitStatus() == 0)
  }

  @Test func refusesAMissingDatabase() throws {
    let run = try CommandRun.connectage(["review", "--db", "/nonexistent/connectage.sqlite", "--no-browser"])
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains("Aucune base de données"))
  }
}

/// A `connectage review` process in the background, its output in files.
private final class ReviewProcess: @unchecked Sendable {
  let process = Process()
  let folder: URL

  convenience init(database: String) throws {
    try self.init(arguments: ["--db", database])
  }

  init(arguments: [String], environment extra: [String: String] = [:]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["stdout", "stderr"] {
      _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
    }
    process.executableURL = CommandRun.executable
    process.arguments = ["review"] + arguments + ["--no-browser"]
    var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    environment["CONNECTAGE_LANG"] = nil
    environment["DISPLAY"] = nil
    process.environment = environment
    process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
    process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
    try process.run()
  }

  var output: String { (try? String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }

  /// The URL the command printed, once it has.
  func url() async throws -> URL {
    for _ in 0..<1_200 where process.isRunning {
      if let line = output.split(separator: "\n").first, let url = URL(string: String(line)) { return url }
      try await Task.sleep(for: .milliseconds(25))
    }
    let error = (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no URL printed: \(error)"])
  }

  struct Reply {
    var status: Int
    var body: Data
  }

  /// The secret token of the URL the command printed.
  func token() async throws -> String {
    let url = try await url()
    return try #require(url.query?.split(separator: "=").last.map(String.init))
  }

  /// The first answer of the queue, and its revision as `coder` loads its page.
  func firstAnswer(for coder: String, token: String) async throws -> (id: String, revision: Int) {
    let queue = try await get("/api/queue", token: token)
    let items = try #require(
      (try JSONSerialization.jsonObject(with: queue.body) as? [String: Any])?["items"] as? [[String: Any]])
    let id = try #require(items.first?["id"] as? String)
    let page = try await get("/api/answers/\(id)?coder=\(coder)", token: token)
    let revision = try #require(
      (try JSONSerialization.jsonObject(with: page.body) as? [String: Any])?["revision"] as? Int)
    return (id, revision)
  }

  func get(_ path: String, token: String?) async throws -> Reply {
    try await send(path, method: "GET", token: token, body: nil)
  }

  func post(_ path: String, token: String, json: [String: Any]) async throws -> Reply {
    try await send(path, method: "POST", token: token, body: try JSONSerialization.data(withJSONObject: json))
  }

  private func send(_ path: String, method: String, token: String?, body: Data?) async throws -> Reply {
    let base = try await url()
    var request = URLRequest(url: URL(string: path, relativeTo: base)!)
    request.httpMethod = method
    request.httpBody = body
    if let token { request.setValue(token, forHTTPHeaderField: "X-ConnectAge-Token") }
    if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
    let (data, response) = try await URLSession.shared.data(for: request)
    return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
  }

  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  func exitStatus() async -> Int32 {
    for _ in 0..<2_400 where process.isRunning { try? await Task.sleep(for: .milliseconds(25)) }
    if process.isRunning { signal(SIGKILL) }
    while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    return process.terminationStatus
  }

  func stop() {
    if process.isRunning { signal(SIGKILL) }
    try? FileManager.default.removeItem(at: folder)
  }
}
