/// The only text sizes on screen, in pixels at 1080p: readable from three metres.
enum TextStyle: Hashable, Sendable, CaseIterable {
  case body
  case bodyBold
  case title
  case headline

  /// The smallest size any text may have at the design resolution.
  static let minimumBodySize = 48.0
  static let minimumTitleSize = 72.0

  var designSize: Double {
    switch self {
    case .body, .bodyBold: 48
    case .title: 72
    case .headline: 112
    }
  }

  var isBold: Bool { self != .body }
  var isTitle: Bool { self == .title || self == .headline }
}
