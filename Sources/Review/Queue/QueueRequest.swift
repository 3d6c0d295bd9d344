import Store

/// Which page of the queue a coder asks for.
public struct QueueRequest: Hashable, Sendable {
  /// 1-based.
  public private(set) var page: Int
  public private(set) var pageSize: Int
  /// Only answers in this state, or all.
  public var state: ReviewState?

  public static let defaultPageSize = 50
  public static let largestPageSize = 200
  /// Far past any queue (a six-month trial holds a few thousand answers), and small enough that
  /// the desk's offset, `(page − 1) × pageSize`, cannot overflow.
  public static let largestPage = 1_000_000

  /// Page numbers are kept between 1 and ``largestPage`` (an address typed by hand may ask for any
  /// number), sizes between 1 and ``largestPageSize``: the only door, so the bounds always hold.
  public init(page: Int = 1, pageSize: Int = defaultPageSize, state: ReviewState? = nil) {
    self.page = min(Self.largestPage, max(1, page))
    self.pageSize = min(Self.largestPageSize, max(1, pageSize))
    self.state = state
  }
}
