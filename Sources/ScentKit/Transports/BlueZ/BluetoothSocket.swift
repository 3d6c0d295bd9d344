internal import CBlueZ
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What RFCOMM and LE sockets share: a socket that is closed again when its set-up fails,
/// and the local adapter a connection to a peer leaves from.
enum BluetoothSocket {
  /// A new Bluetooth socket, handed to `setUp` (bind, connect or listen) and returned once it
  /// succeeded; closed again when it throws. `name` is the protocol in errors: "socket(RFCOMM)".
  static func open(
    type: Int32, protocol: Int32, name: String, setUp: (Int32) throws(DiffuserError) -> Void
  ) throws(DiffuserError) -> Int32 {
    let fd = socket(AF_BLUETOOTH, type, `protocol`)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket(\(name))") }
    do {
      try setUp(fd)
    } catch {
      Foundation.close(fd)
      throw error
    }
    return fd
  }

  /// `text` (`AA:BB:CC:DD:EE:FF`) as libbluetooth's address.
  static func address(_ text: String) throws(DiffuserError) -> bdaddr_t {
    var address = bdaddr_t()
    guard str2ba(text, &address) == 0 else { throw .invalidAddress(text) }
    return address
  }

  /// The local adapter that routes to `peer` (another one than the peer itself: with virtual
  /// controllers both ends live on one machine) and its details when the kernel gives them.
  static func adapter(routingTo peer: inout bdaddr_t) throws(DiffuserError) -> (device: Int32, info: hci_dev_info?) {
    let device = hci_get_route(&peer)
    guard device >= 0 else { throw .from(errno: errno == 0 ? ENODEV : errno, call: "hci_get_route") }
    var info = hci_dev_info()
    return (device, hci_devinfo(device, &info) == 0 ? info : nil)
  }
}
