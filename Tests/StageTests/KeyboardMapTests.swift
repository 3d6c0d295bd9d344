import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  @Suite @MainActor
  struct KeyboardMapTests {
    struct KeyCase: CustomTestStringConvertible, Sendable {
      var name: String
      var key: SyntheticKey
      var action: OperatorAction?
      var testDescription: String { name }
    }

    nonisolated static let cases: [KeyCase] = [
      KeyCase(name: "space goes on", key: .space, action: .next),
      KeyCase(name: "P pauses", key: .letter("p"), action: .pause),
      KeyCase(name: "S skips", key: .letter("s"), action: .skip),
      KeyCase(name: "R redoes", key: .letter("r"), action: .redo),
      KeyCase(name: "H shows the help", key: .letter("h"), action: .toggleHelp),
      KeyCase(name: "Esc ends", key: .escape, action: .end),
      KeyCase(name: "Enter confirms", key: .enter, action: .confirm),
      KeyCase(name: "keypad Enter confirms", key: .keypadEnter, action: .confirm),
      KeyCase(name: "Backspace cancels", key: .backspace, action: .cancel),
      KeyCase(
        name: "1 gives the floor to player 1", key: .topRowDigit(1), action: .giveFloor(to: PlayerNumber(rawValue: 1)!)),
      KeyCase(
        name: "9 gives the floor to player 9", key: .topRowDigit(9), action: .giveFloor(to: PlayerNumber(rawValue: 9)!)),
      KeyCase(
        name: "0 gives the floor to player 10", key: .topRowDigit(0),
        action: .giveFloor(to: PlayerNumber(rawValue: 10)!)),
      KeyCase(
        name: "AZERTY & gives the floor to player 1", key: .azertyTopRowDigit(1),
        action: .giveFloor(to: PlayerNumber(rawValue: 1)!)),
      KeyCase(
        name: "AZERTY à gives the floor to player 10", key: .azertyTopRowDigit(0),
        action: .giveFloor(to: PlayerNumber(rawValue: 10)!)),
      KeyCase(
        name: "keypad 5 gives the floor to player 5", key: .keypadDigit(5),
        action: .giveFloor(to: PlayerNumber(rawValue: 5)!)),
      KeyCase(name: "an unrelated letter does nothing", key: .letter("q"), action: nil),
    ]

    @Test(arguments: cases)
    func keyPressReportsItsAction(_ keyCase: KeyCase) throws {
      let stage = try StageFixtures.stage()
      _ = stage.pollEvents()
      keyCase.key.push()
      let actions = stage.pollEvents().compactMap { if case .operator(let action, _) = $0 { action } else { nil } }
      #expect(actions == (keyCase.action.map { [$0] } ?? []))
    }

    @Test(
      arguments: [OperatorAction.next, .pause, .skip, .redo, .end, .confirm, .cancel, .toggleHelp]
        + PlayerNumber.all.map { .giveFloor(to: $0) })
    func theTourPressesTheKeyOfEachAction(_ action: OperatorAction) {
      let key = KeyboardMap.key(for: action)
      #expect(KeyboardMap.action(keycode: key.keycode, scancode: key.scancode) == action)
    }
  }
}
