/// What tells one gamepad from another when it is plugged back in: its model (SDL's GUID), its
/// serial number when it reports one, and the USB port it is plugged into when the system says.
///
/// Identical pads without serial numbers, the kind a centre buys by the box, differ only by their
/// port. A hub that drops every pad at once brings them back in any order, so without the port
/// they would come back to each other's seats, and their patients' answers with them.
struct PadIdentity: Hashable, Sendable {
  var guid: String
  /// Empty when the pad reports none.
  var serial: String
  /// The USB port (`usb 1-2.3`), empty when unknown: Bluetooth and virtual pads have none. A
  /// wireless receiver's pads share its port.
  var port: String

  /// Which of the unplugged pads `self` is, by index in `unplugged`, or nil for a new pad: the one
  /// with its serial number, else the one last seen on its port, else, for a pad that says
  /// neither or was moved to another port, the pad of its model unplugged last. Several pads can
  /// share a port (a wireless receiver for two pads): among them too, the one unplugged last.
  func match(among unplugged: [(identity: PadIdentity, unpluggedOrder: Int)]) -> Int? {
    let sameModel = unplugged.indices.filter { unplugged[$0].identity.guid == guid }
    if !serial.isEmpty, let same = sameModel.first(where: { unplugged[$0].identity.serial == serial }) {
      return same
    }
    let onPort = sameModel.filter { candidate in
      let other = unplugged[candidate].identity
      return !port.isEmpty && other.port == port && (serial.isEmpty || other.serial.isEmpty)
    }
    let candidates = onPort.isEmpty ? sameModel : onPort
    return candidates.max { unplugged[$0].unpluggedOrder < unplugged[$1].unpluggedOrder }
  }
}
