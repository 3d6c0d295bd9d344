import SessionModel

/// How a locked answer is received at the reveal.
///
/// There is no sound or picture for ``missed``: the reveal only highlights the right
/// picture and thanks everyone. The outcome is for the log and the research record.
public enum AnswerOutcome: String, Hashable, Sendable {
  /// The answer matches.
  case matched
  /// The answer differs, at an easy level where every answer is welcomed.
  case welcomed
  /// The answer differs, at a level where that is allowed to count.
  case missed

  static func of(_ isRight: Bool, at difficulty: Difficulty) -> AnswerOutcome {
    if isRight { return .matched }
    return difficulty == .easy ? .welcomed : .missed
  }
}
