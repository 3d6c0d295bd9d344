import SessionModel

extension OperatorAction {
  /// The log's name for the key the therapist pressed.
  var eventType: EventType {
    switch self {
    case .next: "operator.next"
    case .pause: "operator.pause"
    case .skip: "operator.skip"
    case .redo: "operator.redo"
    case .giveFloor: "operator.giveFloor"
    case .end: "operator.end"
    case .confirm: "operator.confirm"
    case .cancel: "operator.cancel"
    case .toggleHelp: "operator.help"
    }
  }
}
