/// Why the thank-you scene came up (`session.ended`).
public enum SessionEndReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// The therapist ended the session (Esc, then confirm).
  case `operator`
  /// Every trial was done.
  case completed
  /// The computer asked the program to stop (SIGTERM, as at shutdown, or Ctrl+C in its terminal):
  /// the session ended there, its scents stopped and its answers saved, as at a confirmed end.
  case signal
}
