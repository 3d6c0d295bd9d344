import Dispatch

/// Runs async work to its end from a synchronous command. The command runs on the main thread,
/// which is not one of the cooperative pool's threads, so waiting here leaves the pool free to
/// run the work.
enum Blocking {
  static func run<Result: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () async throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let box = ResultBox<Result, Failure>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do throws(Failure) {
        box.result = .success(try await work())
      } catch {
        box.result = .failure(error)
      }
      done.signal()
    }
    done.wait()
    return try box.result!.get()
  }

  /// Written once by the task, read once after the semaphore: the semaphore orders the two.
  private final class ResultBox<Result, Failure: Error>: @unchecked Sendable {
    var result: Swift.Result<Result, Failure>?
  }
}
