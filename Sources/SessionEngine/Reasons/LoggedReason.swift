import SessionModel

/// A reason the log gives for a decision, stored as text.
///
/// The text is part of the research record: databases already hold these exact strings, so a
/// case may be added but a stored value never changes.
protocol LoggedReason: Hashable, Sendable {
  var logged: String { get }
}

extension LoggedReason where Self: RawRepresentable, RawValue == String {
  var logged: String { rawValue }
}
