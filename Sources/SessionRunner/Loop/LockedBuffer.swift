import Synchronization

/// Elements handed from one thread to another: any thread appends, one reader takes them all.
final class LockedBuffer<Element: Sendable>: Sendable {
  private let elements = Mutex<[Element]>([])

  func append(_ element: Element) {
    elements.withLock { $0.append(element) }
  }

  /// How many elements wait to be taken.
  var count: Int { elements.withLock { $0.count } }

  /// Everything appended since the last call, in order.
  func takeAll() -> [Element] {
    elements.withLock { elements in
      defer { elements.removeAll(keepingCapacity: true) }
      return elements
    }
  }
}
