/// Why the thank-you scene came up (`session.ended`).
public enum SessionEndReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// The therapist ended the session (Esc, then confirm).
  case `operator`
  /// Every trial was done.
  case completed
}
