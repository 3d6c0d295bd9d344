import SessionModel
import Store

/// Why the desk could not do what a page asked, in words for the coder.
public enum ReviewFailure: Error, Hashable, Sendable {
  /// No answer has this id (an unknown id, a path, anything else): nothing says which.
  case unknownAnswer
  /// The values were refused before anything was written (a mark past the end, a bad code, a
  /// transcript that does not read); the message says what to do.
  case refused(LocalizedText)
  /// Another save came first: nothing was written; `current` is the answer as it is now.
  case conflict(LocalizedText, current: AnswerPage)
  /// The database or the disk failed; the message says what to check.
  case failed(LocalizedText)

  public var message: LocalizedText {
    switch self {
    case .unknownAnswer:
      LocalizedText(
        fr: "Réponse introuvable : revenez à la liste et choisissez-en une.",
        en: "Answer not found: go back to the list and choose one.")
    case .refused(let message), .conflict(let message, _), .failed(let message): message
    }
  }
}
