import Foundation

/// A value made in a benchmark's setup and used by its closure, across the benchmark's threads.
public final class Kept<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var kept: Value?

  public init() {}

  public func keep(_ value: Value) { lock.withLock { kept = value } }

  public func value() throws -> Value {
    guard let value = lock.withLock({ kept }) else { throw CocoaError(.fileNoSuchFile) }
    return value
  }

  public func take() -> Value? {
    lock.withLock {
      defer { kept = nil }
      return kept
    }
  }
}
