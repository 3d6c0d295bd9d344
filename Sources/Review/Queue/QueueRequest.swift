import Store

/// Which page of the queue a coder asks for.
public struct QueueRequest: Hashable, Sendable {
  /// 1-based.
  public var page: Int
  public var pageSize: Int
  /// Only answers in this state, or all.
  public var state: ReviewState?

  public static let defaultPageSize = 50
  public static let largestPageSize = 200

  /// Page numbers below 1 read as 1; sizes are kept between 1 and ``largestPageSize``.
  public init(page: Int = 1, pageSize: Int = defaultPageSize, state: ReviewState? = nil) {
    self.page = max(1, page)
    self.pageSize = min(Self.largestPageSize, max(1, pageSize))
    self.state = state
  }
}
