import SpeechKit

/// One answer's memory coding, as saved in a batch (``MeasureRepository/save(_:)``).
public struct AnswerCoding: Hashable, Sendable {
  public var answer: AnswerKey
  public var coding: MemoryCoding

  public init(answer: AnswerKey, coding: MemoryCoding) {
    self.answer = answer
    self.coding = coding
  }
}
