import SessionModel

// The reasons the catalogue stores as they are (SessionModel) are logged by their raw text.
extension FloorSource: LoggedReason {}
extension GameEndReason: LoggedReason {}
extension GameSkipReason: LoggedReason {}
extension JoinRefusalReason: LoggedReason {}
extension NotStartedReason: LoggedReason {}
extension ScentSkipReason: LoggedReason {}
extension SessionEndReason: LoggedReason {}
extension TrialEndReason: LoggedReason {}
