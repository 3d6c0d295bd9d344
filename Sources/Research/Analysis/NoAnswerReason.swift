/// Why a present participant has no filed answer to a trial that was presented, as far as the log
/// can tell: whether they never took the floor, or did and the take was lost on the way.
public enum NoAnswerReason: String, CaseIterable, Hashable, Sendable, Codable {
  /// The image was shown and the evocation question never came up: the therapist skipped the trial
  /// on its image, or the session stopped before the question. Nobody was asked.
  case notAsked = "not_asked"
  /// No take of theirs was started for the trial: they never took the floor (or the log lost it).
  case noTake = "no_take"
  /// A take was started and the recorder failed (`recording.failed`).
  case takeFailed = "take_failed"
  /// A take was recorded and could not be measured and filed (`recording.unfiled`); its file stays
  /// on disk, so `connectage db recover` may still file it.
  case takeUnfiled = "take_unfiled"
  /// A take was started and nothing says what became of it (a crash no recovery has filed yet).
  case takeNotFiled = "take_not_filed"
}
