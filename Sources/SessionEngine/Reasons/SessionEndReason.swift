/// Why the thank-you scene came up (`session.ended`).
enum SessionEndReason: String, LoggedReason {
  /// The therapist ended the session (Esc, then confirm).
  case `operator`
  /// Every trial was done.
  case completed
}
