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

  /// The page `request` asks for out of the queue `entries` (in queue order); only the page's
  /// items are built.
  static func of(_ entries: [ReviewQueueEntry], request: QueueRequest, coder: CoderCode?) -> QueuePage {
    var counts: [ReviewState: Int] = [:]
    var matchingPositions: [Int] = []
    matchingPositions.reserveCapacity(entries.count)
    for (index, entry) in entries.enumerated() {
      counts[entry.state, default: 0] += 1
      if request.state == nil || request.state == entry.state { matchingPositions.append(index) }
    }
    let pageCount = max(1, (matchingPositions.count + request.pageSize - 1) / request.pageSize)
    let start = min(matchingPositions.count, (request.page - 1) * request.pageSize)
    let end = min(matchingPositions.count, start + request.pageSize)
    let items = matchingPositions[start..<end].map { index in
      let entry = entries[index]
      return Item(
        id: entry.id, position: index + 1, state: entry.state,
        savedByMe: coder.map { entry.coders.contains($0) } ?? false, coderCount: entry.coders.count)
    }
    return QueuePage(
      request: request, matching: matchingPositions.count, pageCount: pageCount, stateCounts: counts, items: items)
  }
}
