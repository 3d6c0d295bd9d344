import Foundation
import HTTPTypes
import Hummingbird
import SessionModel

/// The door every request passes: the token (query on the first visit, then the cookie it sets,
/// or the header), the header and same origin on every POST, and the security headers on every
/// answer, refusals included.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
  let token: AccessToken
  let port: ListeningPort

  /// Browsers keep cookies by host, not port: with the port in its name, the home screen's server
  /// and `connectage review`, on two ports of 127.0.0.1, each keep their own. Nil until bound.
  var cookieName: String? { port.value.map { "connectage_review_\($0)" } }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var response: Response
    do {
      response = try await checked(request, context: context, next: next)
    } catch let error as any HTTPResponseError {
      // A route's refusal (an unknown route, a recording gone from the disk) is thrown, and would
      // become a response only after this middleware, without the headers: it becomes one here.
      response = try error.response(from: request, context: context)
    } catch {
      // What Hummingbird answers to any other error, here so that it carries the headers too.
      response = Response(status: .internalServerError)
    }
    for (name, value) in ReviewHeaders.fields { response.headers[name] = value }
    return response
  }

  private func checked(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    let fromQuery = request.uri.queryParameters["token"].map(String.init)
    let fromHeader = request.headers[.reviewToken]
    let fromCookie = cookieName.flatMap { request.cookies[$0]?.value }
    if request.method == .post {
      // A POST proves itself with the header; the cookie alone would let any page post blind.
      guard token.matches(fromHeader) else { return Self.refusal(.forbidden, AccessRefusal.missingHeader) }
      guard Self.isSameOrigin(request) else { return Self.refusal(.forbidden, AccessRefusal.foreignOrigin) }
      return try await next(request, context)
    }
    if token.matches(fromQuery), let cookieName {
      // First visit: trade the URL's token for a cookie, then show the same page without it, so
      // the token leaves the address bar and the browser's history.
      var response = Response(
        status: .seeOther, headers: [.location: request.uri.path.isEmpty ? "/" : request.uri.path])
      response.setCookie(
        Cookie(name: cookieName, value: token.value, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
    guard token.matches(fromCookie) || token.matches(fromHeader) else {
      return Self.refusal(.unauthorized, AccessRefusal.missingToken)
    }
    return try await next(request, context)
  }

  /// Same origin when the browser says so: `Origin` (sent on every POST by browsers) names this
  /// host and port, and `Sec-Fetch-Site`, when present, is `same-origin`.
  static func isSameOrigin(_ request: Request) -> Bool {
    if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
      return false
    }
    guard let origin = request.headers[.origin] else { return true }
    guard let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] else { return false }
    return origin == "http://\(host)"
  }

  static func refusal(_ status: HTTPResponse.Status, _ message: LocalizedText) -> Response {
    ReviewJSON.response(ReviewJSON.Failure(message: message), status: status)
  }
}

/// What a refused request is told, French first.
enum AccessRefusal {
  static let missingToken = LocalizedText(
    fr: "Accès refusé : ouvrez l'adresse complète affichée par « connectage review » (elle contient le jeton).",
    en: "Access refused: open the full address 'connectage review' printed (it carries the token).")
  static let missingHeader = LocalizedText(
    fr: "Enregistrement refusé : la requête ne vient pas de la page de relecture (jeton absent).",
    en: "Save refused: the request does not come from the review page (no token).")
  static let foreignOrigin = LocalizedText(
    fr: "Enregistrement refusé : la requête vient d'une autre page que la page de relecture.",
    en: "Save refused: the request comes from another page than the review page.")
}
