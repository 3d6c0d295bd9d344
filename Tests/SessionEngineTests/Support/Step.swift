import SessionEngine
import SessionModel

/// One line of a script: an input, some milliseconds after the previous one.
struct Step: Sendable {
  let after: Int
  let input: SessionInput

  static func key(_ action: OperatorAction, after: Int = 300) -> [Step] {
    [Step(after: after, input: .operator(action))]
  }

  /// A short press and release of one button, as a patient's thumb does it.
  static func press(_ pad: Int, _ button: PadButton = .a, after: Int = 300, holding: Int = 80) -> [Step] {
    [
      Step(after: after, input: .pad(.pressed(PadID(rawValue: pad), button))),
      Step(after: holding, input: .pad(.released(PadID(rawValue: pad), button))),
    ]
  }

  /// A press alone, for scripts where the release does not matter (tremor bursts).
  static func tap(_ pad: Int, _ button: PadButton, after: Int) -> [Step] {
    [Step(after: after, input: .pad(.pressed(PadID(rawValue: pad), button)))]
  }

  /// A press held down for `milliseconds`, with ticks so the engine sees time pass while it is held.
  static func hold(_ pad: Int, for milliseconds: Int, after: Int = 300) -> [Step] {
    [Step(after: after, input: .pad(.pressed(PadID(rawValue: pad), .a)))]
      + Array(repeating: Step(after: 100, input: .tick), count: milliseconds / 100)
      + [Step(after: milliseconds % 100, input: .pad(.released(PadID(rawValue: pad), .a)))]
  }

  static func wait(_ milliseconds: Int) -> [Step] { [Step(after: milliseconds, input: .tick)] }

  static func input(_ input: SessionInput, after: Int = 300) -> [Step] { [Step(after: after, input: input)] }

  /// Each pad takes a seat and confirms the avatar it is offered, then the therapist starts.
  static func joinAndStart(pads: [Int]) -> [Step] {
    pads.flatMap { press($0) + press($0) } + key(.next)
  }
}
