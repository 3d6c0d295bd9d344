import Testing

@testable import Stage

/// Which unplugged pad a pad plugged in is: its own seat back, whichever order pads come back in.
@Suite struct PadIdentityTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let arriving: PadIdentity
    /// Unplugged pads, in the order they were unplugged.
    let unplugged: [PadIdentity]
    let match: Int?
  }

  static func pad(_ guid: String = "0300-box", serial: String = "", port: String = "") -> PadIdentity {
    PadIdentity(guid: guid, serial: serial, port: port)
  }

  @Test(arguments: [
    Case(
      testDescription: "identical pads without serials come back by port, whatever the order (a hub dropped both)",
      arriving: pad(port: "usb 1-2.1"), unplugged: [pad(port: "usb 1-2.1"), pad(port: "usb 1-2.2")], match: 0),
    Case(
      testDescription: "the serial number wins over the port",
      arriving: pad(serial: "B", port: "usb 1-3"),
      unplugged: [pad(serial: "A", port: "usb 1-3"), pad(serial: "B", port: "usb 1-4")], match: 1),
    Case(
      testDescription: "two serials that differ are two pads, even on the same port",
      arriving: pad(serial: "C", port: "usb 1-3"),
      unplugged: [pad(serial: "A", port: "usb 1-3"), pad(serial: "B", port: "usb 1-4"), pad(serial: "D")], match: 2),
    Case(
      testDescription: "without a port (Bluetooth, virtual), the pad of its model unplugged last",
      arriving: pad(), unplugged: [pad(), pad(), pad("other-model")], match: 1),
    Case(
      testDescription: "moved to a port nobody was on, the pad of its model unplugged last",
      arriving: pad(port: "usb 1-9"), unplugged: [pad(port: "usb 1-2.1"), pad(port: "usb 1-2.2")], match: 1),
    Case(
      testDescription: "two pads of one wireless receiver share its port: the one unplugged last",
      arriving: pad(port: "usb 1-3"), unplugged: [pad(port: "usb 1-3"), pad(port: "usb 1-3"), pad(port: "usb 1-4")],
      match: 1),
    Case(
      testDescription: "another model is a new pad", arriving: pad("0300-other", port: "usb 1-2.1"),
      unplugged: [pad(port: "usb 1-2.1")], match: nil),
  ])
  func aPadPluggedBackFindsItsOwnSeat(_ example: Case) {
    let unplugged = example.unplugged.enumerated().map { (identity: $0.element, unpluggedOrder: $0.offset + 1) }
    #expect(example.arriving.match(among: unplugged) == example.match)
  }
}
