import Foundation
import SpeechKit

extension MemoryCoding {
  /// A coding a coder confirmed with `memories` episodes (the first specific, the others general).
  static func confirmed(_ memories: Int, by coder: String, at date: Date) -> MemoryCoding {
    let episodes = (0..<memories).map { index in
      EvokedMemory(specificity: index == 0 ? .specific : .general, text: "souvenir \(index + 1)")
    }
    return MemoryCoding(
      automatic: [EvokedMemory(specificity: .general, text: "souvenir 1")], confirmed: episodes, coder: coder,
      codedAt: date)
  }
}
