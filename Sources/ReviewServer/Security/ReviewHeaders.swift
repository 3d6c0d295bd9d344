import HTTPTypes

extension HTTPField.Name {
  /// The token header every POST must carry: a foreign page can neither read the token nor send
  /// a custom header to this origin without a CORS preflight, which the server never grants.
  static let reviewToken = HTTPField.Name("X-ConnectAge-Token")!
}

/// Headers every response carries, because every response may hold health data.
enum ReviewHeaders {
  /// Scripts, styles, media and requests from this origin only; no inline script or style, no
  /// frames, no plugins, no form posting elsewhere.
  static let contentSecurityPolicy = [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "media-src 'self'",
    "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].joined(separator: "; ")

  static let fields: [(HTTPField.Name, String)] = [
    (.contentSecurityPolicy, contentSecurityPolicy),
    (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
    (HTTPField.Name("X-Frame-Options")!, "DENY"),
    // The first URL carries the token: no page may pass it on.
    (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    (.cacheControl, "no-store"),
    (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
    (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
  ]
}
