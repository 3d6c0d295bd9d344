import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReviewServer

/// Every security rule of the workstation, through the real middleware and routes.
struct AccessTests {
  @Test(arguments: ["/", "/agreement", "/api/queue", "/static/answer.js"])
  func refusesARequestWithoutTheToken(_ uri: String) async throws {
    try await ServedStudy().test { client in
      try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == .unauthorized)
        #expect(!String(buffer: response.body).contains(ServedStudy.token.value))
      }
    }
  }

  @Test func refusesAWrongToken() async throws {
    let wrong = String(repeating: "5e", count: 31) + "5f"
    try await ServedStudy().test { client in
      try await client.execute(uri: "/?token=\(wrong)", method: .get) { #expect($0.status == .unauthorized) }
      try await client.execute(
        uri: "/api/queue", method: .get, headers: [.cookie: "connectage_review_\(ServedStudy.port)=\(wrong)"]
      ) {
        #expect($0.status == .unauthorized)
      }
      try await client.execute(uri: "/api/queue", method: .get, headers: [.reviewToken: wrong]) {
        #expect($0.status == .unauthorized)
      }
    }
  }

  @Test func tradesTheURLTokenForAStrictHttpOnlyCookie() async throws {
    try await ServedStudy().test { client in
      try await client.execute(uri: "/answers/A-0123456789ab?token=\(ServedStudy.token.value)", method: .get) {
        response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/answers/A-0123456789ab")
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.hasPrefix("connectage_review_\(ServedStudy.port)=\(ServedStudy.token.value)"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
      }
      try await client.execute(uri: "/", method: .get, headers: ServedStudy.cookieOnly) { response in
        #expect(response.status == .ok)
        // The page carries the token for its POST header, in a meta tag only this origin can read.
        #expect(String(buffer: response.body).contains(#"content="\#(ServedStudy.token.value)""#))
      }
    }
  }

  /// The browser keeps cookies by host, not port: the home screen's server and `connectage review`
  /// on two ports of 127.0.0.1 both receive both cookies, and each must read only its own.
  /// Each case: the Cookie header (`{token}` this server's, `{other}` another server's) and the answer.
  @Test(arguments: [
    ("connectage_review_9000={token}", HTTPResponse.Status.unauthorized),
    ("connectage_review={token}", .unauthorized),
    ("connectage_review_9000={other}; connectage_review_8123={token}", .ok),
    ("connectage_review_8123={token}; connectage_review_9000={other}", .ok),
  ])
  func readsOnlyTheCookieNamedForItsPort(_ template: String, _ status: HTTPResponse.Status) async throws {
    #expect(ServedStudy.port == 8123)
    let cookie = template.replacingOccurrences(of: "{token}", with: ServedStudy.token.value)
      .replacingOccurrences(of: "{other}", with: String(repeating: "7a", count: 32))
    try await ServedStudy().test { client in
      try await client.execute(uri: "/api/queue", method: .get, headers: [.cookie: cookie]) {
        #expect($0.status == status)
      }
    }
  }

  @Test func refusesAPostWithTheCookieButNoHeader() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      var headers = ServedStudy.cookieOnly
      headers[.origin] = "http://localhost"
      try await client.execute(
        uri: "/api/answers/\(id)/memories", method: .post, headers: headers,
        body: ServedStudy.json(["coder": "ORT1", "revision": 0, "memories": 1, "specific": 0])
      ) { #expect($0.status == .forbidden) }
    }
  }

  @Test(arguments: ["http://evil.example", "http://localhost:9999", "null", "https://localhost"])
  func refusesAPostFromAnotherOrigin(_ origin: String) async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      var headers = ServedStudy.pageHeaders
      headers[.origin] = origin
      try await client.execute(
        uri: "/api/answers/\(id)/memories", method: .post, headers: headers,
        body: ServedStudy.json(["coder": "ORT1", "revision": 0, "memories": 1, "specific": 0])
      ) { #expect($0.status == .forbidden) }
      // Nothing was saved.
      try await client.execute(uri: "/api/answers/\(id)?coder=ORT1", method: .get, headers: ServedStudy.pageHeaders) {
        let own = try ServedStudy.object($0)["own"] as? [String: Any]
        #expect(own != nil && own?["memories"] == nil)
      }
    }
  }

  @Test func refusesACrossSiteFetch() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      var headers = ServedStudy.pageHeaders
      headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
      try await client.execute(
        uri: "/api/answers/\(id)/analysis", method: .post, headers: headers,
        body: ServedStudy.json(["text": "le café", "mode": "text"])
      ) { #expect($0.status == .forbidden) }
    }
  }

  @Test(arguments: [
    "/api/answers/..%2F..%2Fconnectage.sqlite/audio", "/api/answers/audio%2FS01%2FT1-P01-turn1.wav/audio",
    "/api/answers/A-000000000000/audio", "/api/answers/%2Fetc%2Fpasswd?coder=ORT1",
    "/answers/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2F..%2FPackage.swift", "/static/queue.html",
    "/api/answers/A-0123456789AB?coder=ORT1",
  ])
  func servesNothingForAPathInPlaceOfAnID(_ uri: String) async throws {
    try await ServedStudy().test { client in
      try await client.execute(uri: uri, method: .get, headers: ServedStudy.pageHeaders) { response in
        #expect(response.status == .notFound)
        #expect(response.body.readableBytes < 400)
      }
    }
  }

  @Test func putsTheSecurityHeadersOnEveryResponse() async throws {
    try await ServedStudy().test { client in
      for (uri, headers) in [("/", ServedStudy.cookieOnly), ("/", [:]), ("/static/answer.js", ServedStudy.cookieOnly)] {
        try await client.execute(uri: uri, method: .get, headers: headers) { try Self.expectSecurityHeaders($0) }
      }
    }
  }

  /// An unknown route and a recording gone from the disk are refused by an error thrown inside
  /// the middleware's `next`, which Hummingbird turns into a 404 afterwards: it carries them too.
  @Test func putsTheSecurityHeadersOnAThrownRefusal() async throws {
    let served = try ServedStudy()
    for answer in served.study.answers {
      try FileManager.default.removeItem(at: served.study.recording(of: answer))
    }
    try await served.test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      for uri in ["/nope", "/api/answers/\(id)/audio"] {
        try await client.execute(uri: uri, method: .get, headers: ServedStudy.cookieOnly) { response in
          #expect(response.status == .notFound, "\(uri)")
          try Self.expectSecurityHeaders(response)
        }
      }
    }
  }

  static func expectSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let policy = try #require(response.headers[.contentSecurityPolicy], sourceLocation: sourceLocation)
    #expect(policy.contains("default-src 'none'"), sourceLocation: sourceLocation)
    #expect(policy.contains("script-src 'self'"), sourceLocation: sourceLocation)
    #expect(!policy.contains("unsafe-inline"), sourceLocation: sourceLocation)
    #expect(!policy.contains("unsafe-eval"), sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", sourceLocation: sourceLocation)
    #expect(response.headers[.cacheControl] == "no-store", sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", sourceLocation: sourceLocation)
  }

  /// The CSP forbids inline script: the page files must have none for the page to work at all.
  @Test func pagesHaveNoInlineScriptOrStyle() throws {
    let folder = PageAssets.bundled
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
      let html = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let scripts = html.components(separatedBy: "<script").dropFirst()
      #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/static/") }, "\(name) has an inline script")
      #expect(!html.contains("<style"), "\(name) has an inline style")
      #expect(!html.contains(" style=\""), "\(name) has a style attribute")
      #expect(!html.contains(" onclick="), "\(name) has an inline handler")
      #expect(!html.contains("http://") && !html.contains("https://"), "\(name) loads something from elsewhere")
    }
  }
}
