/// What the engine remembers about one pad between presses: enough to ignore tremor and time long presses.
struct PadState: Hashable, Sendable {
  /// The last press, kept even when ignored, so that a burst of tremor counts once.
  var lastPressAt: UInt64?
  /// When A went down, while it is held.
  var aHeldSince: UInt64?
  /// True once the held press has fired its long-press action.
  var longPressFired = false
}
