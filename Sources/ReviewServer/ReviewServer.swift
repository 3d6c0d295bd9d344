import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Review
import SessionModel
import Store

/// The review workstation over HTTP: a thin layer that checks the token, serves the page's files
/// and the recordings, and turns JSON requests into ``Review/ReviewDesk`` calls.
///
/// URL scheme (docs/review.md): pages `/`, `/answers/{id}`, `/agreement`; files `/static/{name}`;
/// data `/api/queue`, `/api/answers/{id}` (+ `/audio`, `/analysis`, `/transcript`, `/timing`,
/// `/memories`, `/consensus`), `/api/agreement`. Answers are named by opaque id only.
public struct ReviewServer: Sendable {
  public let desk: ReviewDesk
  public let token: AccessToken
  let assets: PageAssets

  /// - Throws: when the page's files cannot be read from `assets`.
  public init(desk: ReviewDesk, token: AccessToken = .random(), assets: URL? = nil) throws {
    self.desk = desk
    self.token = token
    self.assets = try PageAssets(folder: assets ?? PageAssets.bundled)
  }

  /// The routes, behind the access middleware, for a server listening on `port`.
  func router(listeningOn port: ListeningPort) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: AccessMiddleware(token: token, port: port))
    addPages(to: router)
    ReviewAPI(desk: desk).add(to: router)
    return router
  }

  /// An application listening on `host`:`port` (0: a free port); `onReady` gets the port bound.
  public func application(host: String, port: Int, onReady: @escaping @Sendable (Int) async -> Void)
    -> some ApplicationProtocol
  {
    let listening = ListeningPort()
    return Application(
      router: router(listeningOn: listening),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "connectage-review"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        listening.value = bound
        await onReady(bound)
      },
      logger: Self.quietLogger)
  }

  /// Requests are not logged: their URLs name answers, and the first carries the token.
  private static var quietLogger: Logger {
    var logger = Logger(label: "connectage.review")
    logger.logLevel = .critical
    return logger
  }

  private func addPages(to router: Router<BasicRequestContext>) {
    let assets = assets
    let token = token
    router.get("/") { _, _ in assets.page("queue.html", token: token) ?? Response(status: .notFound) }
    router.get("/agreement") { _, _ in assets.page("agreement.html", token: token) ?? Response(status: .notFound) }
    router.get("/answers/:id") { _, context in
      guard let id = context.parameters.get("id"), ReviewDesk.isOpaqueID(id) else {
        return ReviewAPI.failure(.unknownAnswer)
      }
      return assets.page("answer.html", token: token) ?? Response(status: .notFound)
    }
    // Browsers ask for it on every page; an empty answer keeps a 404 out of the console.
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    router.get("/static/:name") { _, context in
      guard let name = context.parameters.get("name"), let response = assets.asset(name) else {
        return Response(status: .notFound)
      }
      return response
    }
  }
}
