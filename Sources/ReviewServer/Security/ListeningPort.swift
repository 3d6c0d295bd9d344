import Synchronization

/// The port the server listens on, known only once it is bound (the home screen and
/// `connectage review` ask for a free one), for what must name it: the session cookie.
final class ListeningPort: Sendable {
  private let mutex: Mutex<Int?>

  init(_ port: Int? = nil) {
    mutex = Mutex(port)
  }

  /// Nil until the server is bound.
  var value: Int? {
    get { mutex.withLock { $0 } }
    set { mutex.withLock { $0 = newValue } }
  }
}
