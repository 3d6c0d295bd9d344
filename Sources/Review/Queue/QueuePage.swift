import Store

/// One page of the review queue: blind (answers named by opaque id only, in an order that follows
/// neither sessions, trials nor conditions), with how many answers are in each state.
public struct QueuePage: Hashable, Sendable {
  public var request: QueueRequest
  /// Answers matching the request's state, over all pages.
  public var matching: Int
  public var pageCount: Int
  /// Answers in each state over the whole queue, whatever the filter.
  public var stateCounts: [ReviewState: Int]
  public var items: [Item]

  /// One answer as the queue shows it.
  public struct Item: Hashable, Sendable {
    public var id: String
    /// 1-based place in the whole (unfiltered) queue: the answer page's "n of N".
    public var position: Int
    public var state: ReviewState
    /// Whether the asking coder has saved anything on it.
    public var savedByMe: Bool
    /// How many coders have saved anything on it.
    public var coderCount: Int
  }

  /// The store's page, as `coder` sees it.
  init(_ page: ReviewQueuePage, request: QueueRequest, coder: CoderCode?) {
    self.request = request
    matching = page.total
    pageCount = max(1, (page.total + request.pageSize - 1) / request.pageSize)
    stateCounts = page.stateCounts
    items = page.entries.map { entry in
      Item(
        id: entry.id, position: entry.position, state: entry.state,
        savedByMe: coder.map { entry.coders.contains($0) } ?? false, coderCount: entry.coders.count)
    }
  }
}
