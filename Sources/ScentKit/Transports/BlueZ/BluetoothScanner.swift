internal import CBlueZ
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds diffusers nearby: a classic inquiry, then an LE scan, on the first adapter.
public enum BluetoothScanner {
  /// Blocks for about `seconds` twice (inquiry, then LE); call it off the cooperative pool.
  public static func scan(seconds: Int = 4) throws(DiffuserError) -> [DiscoveredDevice] {
    let device = hci_get_route(nil)
    guard device >= 0 else { throw .from(errno: errno, call: "hci_get_route") }
    var info = hci_dev_info()
    guard hci_devinfo(device, &info) == 0 else { throw .from(errno: errno, call: "hci_devinfo") }
    guard info.flags & (1 << UInt32(HCI_UP)) != 0 else { throw .adapterDown }
    let socket = hci_open_dev(device)
    guard socket >= 0 else { throw .from(errno: errno, call: "hci_open_dev") }
    defer { close(socket) }
    var found = try inquiry(device: device, socket: socket, seconds: seconds)
    found += (try? lowEnergyScan(socket: socket, seconds: seconds)) ?? []
    return found
  }

  private static func inquiry(device: Int32, socket: Int32, seconds: Int) throws(DiffuserError) -> [DiscoveredDevice] {
    var results: UnsafeMutablePointer<inquiry_info>?
    let length = Int32(max(1, seconds * 100 / 128))  // units of 1.28 s
    let count = hci_inquiry(device, length, 32, nil, &results, Int(IREQ_CACHE_FLUSH))
    guard count >= 0 else { throw .from(errno: errno, call: "hci_inquiry") }
    defer { free(results) }
    return (0..<Int(count)).map { index in
      var address = results![index].bdaddr
      var name = [CChar](repeating: 0, count: 248)
      let named = hci_read_remote_name(socket, &address, Int32(name.count), &name, 2_000) == 0
      return DiscoveredDevice(
        address: text(of: &address),
        name: named ? String(decoding: name.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self) : nil,
        radio: .classic)
    }
  }

  private static func lowEnergyScan(socket: Int32, seconds: Int) throws(DiffuserError) -> [DiscoveredDevice] {
    guard
      hci_le_set_scan_parameters(
        socket, 0x01, UInt16(0x0010).littleEndian, UInt16(0x0010).littleEndian, 0x00, 0x00, 1_000) >= 0,
      hci_le_set_scan_enable(socket, 0x01, 0x01, 1_000) >= 0
    else { throw .from(errno: errno, call: "hci_le_set_scan_enable") }
    defer { _ = hci_le_set_scan_enable(socket, 0x00, 0x01, 1_000) }
    var filter = hci_filter()
    hci_filter_clear(&filter)
    hci_filter_set_ptype(HCI_EVENT_PKT, &filter)
    hci_filter_set_event(EVT_LE_META_EVENT, &filter)
    setsockopt(socket, SOL_HCI, HCI_FILTER, &filter, socklen_t(MemoryLayout<hci_filter>.size))
    var seen: [String: DiscoveredDevice] = [:]
    let deadline = Date().addingTimeInterval(TimeInterval(seconds))
    var buffer = [UInt8](repeating: 0, count: Int(HCI_MAX_EVENT_SIZE))
    while Date() < deadline {
      var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 200) > 0 else { continue }
      let count = read(socket, &buffer, buffer.count)
      // [packet type][event][length][subevent][reports][event type][address type][address 6]...
      guard count >= 13, buffer[3] == 0x02 else { continue }
      var address = bdaddr_t()
      withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: buffer[7..<13]) }
      let text = text(of: &address)
      seen[text] = DiscoveredDevice(address: text, name: nil, radio: .lowEnergy)
    }
    return seen.values.sorted { $0.address < $1.address }
  }

  private static func text(of address: inout bdaddr_t) -> String {
    var text = [CChar](repeating: 0, count: 18)
    ba2str(&address, &text)
    return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
  }
}
