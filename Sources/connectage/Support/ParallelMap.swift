import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// Maps the elements on up to `jobs` threads; the results keep the input order.
  ///
  /// `progress` is called after each element with the number done so far, from any thread.
  func parallelMap<Output: Sendable>(
    jobs: Int, progress: @Sendable (Int) -> Void = { _ in }, _ transform: @Sendable (Element) -> Output
  ) -> [Output] {
    let workers = Swift.max(1, Swift.min(jobs, count))
    let state = Mutex<(next: Int, done: Int, results: [Output?])>((0, 0, Array<Output?>(repeating: nil, count: count)))
    let input = self
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = state.withLock { state -> Int in
          defer { state.next += 1 }
          return state.next
        }
        guard index < input.count else { return }
        let output = transform(input[index])
        let done = state.withLock { state -> Int in
          state.results[index] = output
          state.done += 1
          return state.done
        }
        progress(done)
      }
    }
    return state.withLock { $0.results.map { $0! } }
  }
}
