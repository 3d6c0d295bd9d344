import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  @Suite @MainActor
  struct GamepadHubTests {
    /// Pads numbered by SDL: attach each and read its connection before the next.
    private func attach(_ count: Int, to stage: Stage, firstProduct: UInt16 = 0x0200) throws -> (
      [VirtualGamepad], [PadID]
    ) {
      var pads: [VirtualGamepad] = []
      var ids: [PadID] = []
      for index in 0..<count {
        pads.append(try VirtualGamepad(productID: firstProduct + UInt16(index)))
        for case .pad(.connected(let pad, _), _) in stage.pollEvents() { ids.append(pad) }
      }
      return (pads, ids)
    }

    private func inputs(_ stage: Stage) -> [PadInput] {
      stage.pollEvents().compactMap { if case .pad(let input, _) = $0 { input } else { nil } }
    }

    @Test func tenPadsAttachAndEachPressArrivesWithItsOwnPad() throws {
      let stage = try StageFixtures.stage()
      let (pads, ids) = try attach(10, to: stage)
      #expect(Set(ids).count == 10)
      #expect(stage.connectedPadCount == 10)
      for (pad, id) in zip(pads, ids).reversed() {
        pad.press(.a)
        #expect(inputs(stage) == [.pressed(id, .a)])
        pad.release(.a)
        #expect(inputs(stage) == [.released(id, .a)])
      }
    }

    /// The engine ignores what it does not use; the Stage still reports every button as itself.
    @Test(arguments: PadButton.allCases)
    func everyButtonArrivesAsItself(_ button: PadButton) throws {
      let stage = try StageFixtures.stage()
      let (pads, ids) = try attach(1, to: stage)
      pads[0].press(button)
      var received = inputs(stage)
      pads[0].release(button)
      // SDL holds back a Guide release for 250 ms (some pads send a spurious quick tap), so wait for it.
      for _ in 0..<100 where received.count < 2 {
        received += inputs(stage)
        Thread.sleep(forTimeInterval: 0.01)
      }
      #expect(received == [.pressed(ids[0], button), .released(ids[0], button)])
    }

    struct StickCase: CustomTestStringConvertible, Sendable {
      var name: String
      var positions: [(x: Double, y: Double)]
      var expected: [(pressed: Bool, button: PadButton)]
      var testDescription: String { name }
    }

    nonisolated static let stickCases = [
      StickCase(
        name: "a tremor inside the dead zone says nothing", positions: [(0.2, 0), (-0.2, 0.1), (0.3, -0.2), (0, 0)],
        expected: []),
      StickCase(
        name: "a push right and back", positions: [(0.8, 0), (0, 0)], expected: [(true, .right), (false, .right)]),
      StickCase(
        name: "wavering between the thresholds stays one press",
        positions: [(0.6, 0), (0.4, 0), (0.6, 0), (0.35, 0), (0.1, 0)],
        expected: [(true, .right), (false, .right)]),
      StickCase(name: "up is negative y", positions: [(0, -0.9), (0, 0)], expected: [(true, .up), (false, .up)]),
      StickCase(
        name: "down is positive y", positions: [(0, 0.9), (0, 0.05)], expected: [(true, .down), (false, .down)]),
      StickCase(
        name: "a swing across releases before pressing", positions: [(-0.9, 0), (0.9, 0), (0, 0)],
        expected: [(true, .left), (false, .left), (true, .right), (false, .right)]),
    ]

    @Test(arguments: stickCases)
    func stickMotionBecomesDirections(_ stickCase: StickCase) throws {
      let stage = try StageFixtures.stage()
      let (pads, ids) = try attach(1, to: stage)
      var received: [PadInput] = []
      for position in stickCase.positions {
        pads[0].moveStick(x: position.x, y: position.y)
        received += inputs(stage)
      }
      let expected = stickCase.expected.map {
        $0.pressed ? PadInput.pressed(ids[0], $0.button) : .released(ids[0], $0.button)
      }
      #expect(received == expected)
    }

    @Test func aReplugggedPadGetsItsOwnNumberBack() throws {
      let stage = try StageFixtures.stage()
      let (pads, ids) = try attach(3, to: stage)
      pads[1].detach()
      #expect(inputs(stage) == [.disconnected(ids[1])])
      let (newcomers, newIDs) = try attach(1, to: stage, firstProduct: 0x0300)
      #expect(!ids.contains(newIDs[0]))
      try pads[1].reattach()
      #expect(inputs(stage).first == .connected(ids[1], name: pads[1].name))
      pads[1].press(.b)
      #expect(inputs(stage) == [.pressed(ids[1], .b)])
      _ = newcomers
    }

    /// Two identical pads (same GUID, no serial): the one unplugged last comes back first.
    @Test func identicalPadsAreMatchedByWhoLeftLast() throws {
      let stage = try StageFixtures.stage()
      let first = try VirtualGamepad(productID: 0x0400)
      let second = try VirtualGamepad(productID: 0x0400)
      let connected = inputs(stage).map(\.pad)
      #expect(connected.count == 2)
      first.detach()
      second.detach()
      #expect(inputs(stage) == [.disconnected(connected[0]), .disconnected(connected[1])])
      try second.reattach()
      #expect(inputs(stage).map(\.pad) == [connected[1]])
    }
  }
}
