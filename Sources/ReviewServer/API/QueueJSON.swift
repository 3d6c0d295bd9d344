import Review
import Store

/// One page of the blind queue.
struct QueueJSON: Encodable {
  struct Item: Encodable {
    var id: String
    var position: Int
    var state: String
    var savedByMe: Bool
    var coders: Int
  }

  var page: Int
  var pageSize: Int
  var pageCount: Int
  var matching: Int
  var state: String?
  var stateCounts: [String: Int]
  var items: [Item]

  init(_ page: QueuePage) {
    self.page = page.request.page
    pageSize = page.request.pageSize
    pageCount = page.pageCount
    matching = page.matching
    state = page.request.state?.rawValue
    stateCounts = Dictionary(
      uniqueKeysWithValues: ReviewState.allCases.map { ($0.rawValue, page.stateCounts[$0] ?? 0) })
    items = page.items.map {
      Item(id: $0.id, position: $0.position, state: $0.state.rawValue, savedByMe: $0.savedByMe, coders: $0.coderCount)
    }
  }
}
