import SessionEngine
import SessionModel
import Stage

/// Turns what the Stage heard into what the engine understands.
enum InputTranslator {
  /// The inputs for one Stage event; closing the window ends the session properly (scents
  /// stopped, the answer saved), as Esc then Enter would.
  static func inputs(for event: StageEvent) -> [SessionInput] {
    switch event {
    case .pad(let input, _): [.pad(input)]
    case .operator(let action, _): [.operator(action)]
    case .quitRequested: SessionInput.windowClosed
    // A signal ends the session at once, logged as what it was: no key was pressed.
    case .stopRequested: [.stopRequested]
    // The session answers to its own keys only; arrows and clicks belong to the screens around it.
    case .navigate, .pointed: []
    }
  }
}
