import Foundation
import Synchronization

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: Sendable {
  private let total: Int
  private let label: String
  private let isVisible: Bool
  private let lastDrawn = Mutex(-1)

  init(total: Int, label: String, minimumTotal: Int = 2) {
    self.total = total
    self.label = label
    isVisible = total >= minimumTotal && isatty(STDERR_FILENO) == 1
  }

  func update(done: Int) {
    guard isVisible else { return }
    let width = 30
    let filled = total > 0 ? done * width / total : width
    // Redraw only when the bar visibly changes, so thousands of files do not flood the terminal.
    let changed = lastDrawn.withLock { last -> Bool in
      guard filled != last || done == total else { return false }
      last = filled
      return true
    }
    guard changed else { return }
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
  }

  func finish() {
    guard isVisible else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
