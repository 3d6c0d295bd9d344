import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport

@testable import ReviewServer

/// A ``TestSupport/ReviewStudyFixture`` behind a real ``ReviewServer`` (Hummingbird's router test
/// framework: every request goes through the middleware and routes, without a socket).
struct ServedStudy {
  let study: ReviewStudyFixture
  let server: ReviewServer
  static let token = AccessToken(value: String(repeating: "5e", count: 32))
  /// The port the server is told it listens on (the router tests use no socket).
  static let port = 8123

  /// - Parameter editsTranscripts: false serves the study as a central review does.
  init(participants: Int = 2, trials: Int = 2, editsTranscripts: Bool = true) throws {
    study = try ReviewStudyFixture(participants: participants, trials: trials)
    server = try ReviewServer(
      desk: try ReviewDesk(database: study.database, editsTranscripts: editsTranscripts), token: Self.token)
  }

  /// Runs `body` against the server, then removes the study's folder.
  func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
    defer { study.remove() }
    return try await Application(router: server.router(listeningOn: ListeningPort(Self.port))).test(.router, body)
  }

  /// What the page sends: the cookie on every request, the header and the same origin on POSTs.
  static var pageHeaders: HTTPFields {
    [.cookie: cookie, .reviewToken: token.value, .origin: "http://localhost"]
  }

  static var cookieOnly: HTTPFields { [.cookie: cookie] }

  static var cookie: String { "connectage_review_\(port)=\(token.value)" }

  static func json(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
  }

  static func object(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
  }

  /// The answer's revision, as its page loads it.
  static func revision(of id: String, _ client: any TestClientProtocol) async throws -> Int {
    try await client.execute(uri: "/api/answers/\(id)?coder=ORT1", method: .get, headers: pageHeaders) {
      try Self.object($0)["revision"] as? Int ?? -1
    }
  }

  /// The ids of the first page of the queue, in queue order.
  static func queueIDs(_ client: any TestClientProtocol) async throws -> [String] {
    try await client.execute(uri: "/api/queue", method: .get, headers: pageHeaders) { response in
      let items = try Self.object(response)["items"] as? [[String: Any]] ?? []
      return items.compactMap { $0["id"] as? String }
    }
  }
}
