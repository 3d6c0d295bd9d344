internal import CBlueZ
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// RFCOMM (Bluetooth classic serial) sockets through libbluetooth.
enum RFCOMMSocket {
  /// Connects to `address` on `channel` from a local adapter other than the peer itself
  /// (with virtual controllers both ends live on one machine).
  static func connect(address: String, channel: UInt8) throws(DiffuserError) -> Int32 {
    var peer = bdaddr_t()
    guard str2ba(address, &peer) == 0 else { throw .invalidAddress(address) }
    let fd = socket(AF_BLUETOOTH, Int32(SOCK_STREAM.rawValue), BTPROTO_RFCOMM)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket(RFCOMM)") }
    do throws(DiffuserError) {
      let device = hci_get_route(&peer)
      guard device >= 0 else { throw DiffuserError.from(errno: errno == 0 ? ENODEV : errno, call: "hci_get_route") }
      var info = hci_dev_info()
      if hci_devinfo(device, &info) == 0 {
        var local = sockaddr_rc()
        local.rc_family = sa_family_t(AF_BLUETOOTH)
        local.rc_bdaddr = info.bdaddr
        local.rc_channel = 0
        try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(RFCOMM)")
      }
      var remote = sockaddr_rc()
      remote.rc_family = sa_family_t(AF_BLUETOOTH)
      remote.rc_bdaddr = peer
      remote.rc_channel = channel
      let result = SocketCall.connect(fd, to: &remote)
      try SocketCall.check(result, call: "connect(RFCOMM)")
      return fd
    } catch {
      Foundation.close(fd)
      throw error
    }
  }

  static func listen(channel: UInt8) throws(DiffuserError) -> Int32 {
    let fd = socket(AF_BLUETOOTH, Int32(SOCK_STREAM.rawValue), BTPROTO_RFCOMM)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket(RFCOMM)") }
    var local = sockaddr_rc()
    local.rc_family = sa_family_t(AF_BLUETOOTH)
    local.rc_bdaddr = cbluez_any_address()
    local.rc_channel = channel
    do throws(DiffuserError) {
      try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(RFCOMM)")
      try SocketCall.check(Foundation.listen(fd, 1), call: "listen(RFCOMM)")
    } catch {
      Foundation.close(fd)
      throw error
    }
    return fd
  }
}
