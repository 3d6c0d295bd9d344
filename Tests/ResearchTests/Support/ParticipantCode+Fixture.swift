import SessionModel

/// `code("P01")`: a participant code for fixtures, which are always valid codes.
func code(_ text: String) -> ParticipantCode {
  ParticipantCode(rawValue: text)!
}
