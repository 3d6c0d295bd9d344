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
    var peer = try BluetoothSocket.address(address)
    return try BluetoothSocket.open(type: Int32(SOCK_STREAM.rawValue), protocol: BTPROTO_RFCOMM, name: "RFCOMM") {
      fd throws(DiffuserError) in
      if let adapter = try BluetoothSocket.adapter(routingTo: &peer).info {
        var local = socketAddress(adapter.bdaddr, channel: 0)
        try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(RFCOMM)")
      }
      var remote = socketAddress(peer, channel: channel)
      try SocketCall.check(SocketCall.connect(fd, to: &remote), call: "connect(RFCOMM)")
    }
  }

  static func listen(channel: UInt8) throws(DiffuserError) -> Int32 {
    try BluetoothSocket.open(type: Int32(SOCK_STREAM.rawValue), protocol: BTPROTO_RFCOMM, name: "RFCOMM") {
      fd throws(DiffuserError) in
      var local = socketAddress(cbluez_any_address(), channel: channel)
      try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(RFCOMM)")
      try SocketCall.check(Foundation.listen(fd, 1), call: "listen(RFCOMM)")
    }
  }

  private static func socketAddress(_ device: bdaddr_t, channel: UInt8) -> sockaddr_rc {
    var address = sockaddr_rc()
    address.rc_family = sa_family_t(AF_BLUETOOTH)
    address.rc_bdaddr = device
    address.rc_channel = channel
    return address
  }
}
