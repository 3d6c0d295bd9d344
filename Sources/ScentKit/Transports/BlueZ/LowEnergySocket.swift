internal import CBlueZ
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// L2CAP sockets on the LE Attribute Protocol channel (fixed CID 4) through libbluetooth:
/// packet sockets that ``GATTClientTransport`` and ``GATTServerTransport`` speak ATT over.
/// No bluetoothd and no D-Bus are involved (docs/wire-protocol.md, "BLE").
enum LowEnergySocket {
  static let attributeProtocolChannel: UInt16 = 4
  /// How long the kernel may try to reach the peer: it scans for its advertisement first.
  static let connectTimeoutSeconds = 10

  /// Connects to the ATT channel of `address` from a local adapter other than the peer itself.
  static func connect(address: String, random: Bool) throws(DiffuserError) -> Int32 {
    var peer = try BluetoothSocket.address(address)
    return try BluetoothSocket.open(type: Int32(SOCK_SEQPACKET.rawValue), protocol: BTPROTO_L2CAP, name: "L2CAP") {
      fd throws(DiffuserError) in
      let adapter = try BluetoothSocket.adapter(routingTo: &peer)
      if let info = adapter.info {
        guard info.flags & (1 << UInt32(HCI_UP)) != 0 else { throw DiffuserError.adapterDown }
        var local = socketAddress(info.bdaddr, type: UInt8(BDADDR_LE_PUBLIC))
        try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(L2CAP)")
      }
      // The kernel's default connect timeout is 40 s; a therapist should not wait that long.
      var timeout = timeval(tv_sec: connectTimeoutSeconds, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var remote = socketAddress(peer, type: UInt8(random ? BDADDR_LE_RANDOM : BDADDR_LE_PUBLIC))
      let result = SocketCall.connect(fd, to: &remote)
      // A blocking Bluetooth connect that times out reports EINPROGRESS.
      if result != 0 && (errno == EINPROGRESS || errno == EAGAIN) {
        throw DiffuserError.deviceUnreachable(errno: ETIMEDOUT)
      }
      try SocketCall.check(result, call: "connect(L2CAP LE)")
      timeout = timeval(tv_sec: 0, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      requestShortConnectionInterval(fd, device: adapter.device)
    }
  }

  /// Asks the controller for a 7.5–15 ms connection interval instead of Linux's 30–50 ms: data
  /// moves only at connection events, so this bounds how late a release leaves and its ACK
  /// returns. Best effort: it needs CAP_NET_RAW (raw HCI), and the device may refuse; the link
  /// works either way.
  private static func requestShortConnectionInterval(_ fd: Int32, device: Int32) {
    var connection = l2cap_conninfo()
    var length = socklen_t(MemoryLayout<l2cap_conninfo>.size)
    guard getsockopt(fd, SOL_L2CAP, L2CAP_CONNINFO, &connection, &length) == 0 else { return }
    let controller = hci_open_dev(device)
    guard controller >= 0 else { return }
    defer { close(controller) }
    // Intervals in units of 1.25 ms (6 = 7.5 ms, 12 = 15 ms), no peripheral latency,
    // supervision timeout 2 s (units of 10 ms).
    _ = hci_le_conn_update(controller, connection.hci_handle, 6, 12, 0, 200, 2_000)
  }

  /// Listens on the ATT channel of every local adapter, as an LE peripheral does once it
  /// advertises (advertising itself is the adapter's business: see scripts/bluez-vm/guest.sh).
  static func listen() throws(DiffuserError) -> Int32 {
    try BluetoothSocket.open(type: Int32(SOCK_SEQPACKET.rawValue), protocol: BTPROTO_L2CAP, name: "L2CAP") {
      fd throws(DiffuserError) in
      var local = socketAddress(cbluez_any_address(), type: UInt8(BDADDR_LE_PUBLIC))
      try SocketCall.check(SocketCall.bind(fd, to: &local), call: "bind(L2CAP LE)")
      try SocketCall.check(Foundation.listen(fd, 1), call: "listen(L2CAP LE)")
    }
  }

  private static func socketAddress(_ device: bdaddr_t, type: UInt8) -> sockaddr_l2 {
    var address = sockaddr_l2()
    address.l2_family = sa_family_t(AF_BLUETOOTH)
    address.l2_bdaddr = device
    address.l2_cid = attributeProtocolChannel.littleEndian
    address.l2_bdaddr_type = type
    return address
  }
}
