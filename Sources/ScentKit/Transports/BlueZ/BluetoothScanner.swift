internal import CBlueZ
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds diffusers nearby: a classic inquiry, then an LE scan, on one adapter.
public enum BluetoothScanner {
  /// Blocks for about `seconds` per radio (the LE scan goes on up to as long again, scanning
  /// anew each second, for a diffuser whose name has not come yet); call it off the cooperative pool.
  /// `adapter` is the index N of hciN; nil picks the first adapter that is up.
  public static func scan(
    seconds: Int = 4, radios: Set<DiscoveredDevice.Radio> = [.classic, .lowEnergy], adapter: Int32? = nil
  ) throws(DiffuserError) -> [DiscoveredDevice] {
    let device = adapter ?? hci_get_route(nil)
    guard device >= 0 else { throw .from(errno: errno, call: "hci_get_route") }
    var info = hci_dev_info()
    guard hci_devinfo(device, &info) == 0 else { throw .from(errno: errno, call: "hci_devinfo") }
    guard info.flags & (1 << UInt32(HCI_UP)) != 0 else { throw .adapterDown }
    let socket = hci_open_dev(device)
    guard socket >= 0 else { throw .from(errno: errno, call: "hci_open_dev") }
    defer { close(socket) }
    var found: [DiscoveredDevice] = []
    if radios.contains(.classic) { found += try inquiry(device: device, socket: socket, seconds: seconds) }
    if radios.contains(.lowEnergy) { found += try lowEnergyScan(socket: socket, seconds: seconds) }
    return found
  }

  private static func inquiry(device: Int32, socket: Int32, seconds: Int) throws(DiffuserError) -> [DiscoveredDevice] {
    var results: UnsafeMutablePointer<inquiry_info>?
    let length = Int32(max(1, seconds * 100 / 128))  // units of 1.28 s
    let count = hci_inquiry(device, length, 32, nil, &results, Int(IREQ_CACHE_FLUSH))
    guard count >= 0 else { throw scanError(errno, call: "hci_inquiry") }
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

  /// An active scan (scan responses carry the names) through raw HCI commands, as
  /// `hcitool lescan` does: no bluetoothd needed. Extended scanning first: a Bluetooth 5
  /// controller whose host already used extended commands refuses the legacy ones, and only
  /// extended reports carry the data of extended advertising sets (what Linux advertises with).
  private static func lowEnergyScan(socket: Int32, seconds: Int) throws(DiffuserError) -> [DiscoveredDevice] {
    // Active scan of the 1M PHY, interval and window 10 ms (16 × 0.625 ms): listen all the time.
    let extendedParameters: [UInt8] = [0x00, 0x00, 0x01, 0x01, 0x10, 0x00, 0x10, 0x00]
    let commands: ScanCommands
    if leCommand(socket, ocf: 0x0041, extendedParameters) == 0 {
      commands = .extended
    } else {
      guard
        hci_le_set_scan_parameters(
          socket, 0x01, UInt16(0x0010).littleEndian, UInt16(0x0010).littleEndian, 0x00, 0x00, 1_000) >= 0
      else { throw scanError(errno, call: "hci_le_set_scan_parameters") }
      commands = .legacy
    }
    // Listen for reports before the scan starts: `hci_send_req` puts this filter back as soon as
    // the enable command completes, so the first advertisement (often the only one carrying the
    // diffuser's service) is queued rather than dropped before the filter is set.
    var previousFilter = hci_filter()
    var filterLength = socklen_t(MemoryLayout<hci_filter>.size)
    getsockopt(socket, SOL_HCI, HCI_FILTER, &previousFilter, &filterLength)
    defer { setsockopt(socket, SOL_HCI, HCI_FILTER, &previousFilter, filterLength) }
    var filter = hci_filter()
    hci_filter_clear(&filter)
    hci_filter_set_ptype(HCI_EVENT_PKT, &filter)
    hci_filter_set_event(EVT_LE_META_EVENT, &filter)
    setsockopt(socket, SOL_HCI, HCI_FILTER, &filter, socklen_t(MemoryLayout<hci_filter>.size))
    guard commands.setScanning(true, socket: socket) else {
      throw scanError(commands == .extended ? EIO : errno, call: commands.enableCommandName)
    }
    defer { _ = commands.setScanning(false, socket: socket) }
    return try listenForReports(socket: socket, seconds: seconds) {
      _ = commands.setScanning(false, socket: socket)
      _ = commands.setScanning(true, socket: socket)
    }
  }

  /// The scan commands the controller accepted: extended (Bluetooth 5) or legacy.
  private enum ScanCommands {
    case extended, legacy

    var enableCommandName: String {
      self == .extended ? "LE Set Extended Scan Enable" : "hci_le_set_scan_enable"
    }

    /// Turns scanning on or off, filtering duplicates; true when the controller agreed.
    func setScanning(_ isOn: Bool, socket: Int32) -> Bool {
      switch self {
      case .extended: leCommand(socket, ocf: 0x0042, [isOn ? 0x01 : 0x00, 0x01, 0, 0, 0, 0]) == 0
      case .legacy: hci_le_set_scan_enable(socket, isOn ? 0x01 : 0x00, 0x01, 1_000) >= 0
      }
    }
  }

  /// Sends an LE controller command and returns its status (0 is success), or −1 when it could not be sent.
  private static func leCommand(_ socket: Int32, ocf: UInt16, _ parameters: [UInt8]) -> Int32 {
    var parameters = parameters
    var status: UInt8 = 0xFF
    return parameters.withUnsafeMutableBytes { parameterBytes in
      withUnsafeMutableBytes(of: &status) { statusBytes in
        var request = hci_request()
        request.ogf = UInt16(OGF_LE_CTL)
        request.ocf = ocf
        request.cparam = parameterBytes.baseAddress
        request.clen = Int32(parameterBytes.count)
        request.rparam = statusBytes.baseAddress
        request.rlen = 1
        guard hci_send_req(socket, &request, 1_000) >= 0 else { return -1 }
        return Int32(statusBytes[0])
      }
    }
  }

  /// `restartScan` starts a new scan: a controller filtering duplicates (and BlueZ's emulated
  /// one) reports an advertiser and its scan response once per scan, so a lost scan response
  /// only comes back in a new scan.
  private static func listenForReports(
    socket: Int32, seconds: Int, restartScan: () -> Void
  ) throws(DiffuserError) -> [DiscoveredDevice] {
    var seen: [String: DiscoveredDevice] = [:]
    let deadline = Date().addingTimeInterval(TimeInterval(seconds))
    // A diffuser's name comes in the scan response, which a busy controller can lose or deliver
    // late: scan again, a little longer, rather than list a nameless diffuser.
    let namingDeadline = deadline.addingTimeInterval(TimeInterval(max(2, seconds)))
    func isWaitingForAName() -> Bool {
      seen.values.contains { $0.offersDiffuserService && $0.name == nil }
    }
    var scanStarted = Date()
    var buffer = [UInt8](repeating: 0, count: Int(HCI_MAX_EVENT_SIZE))
    while Date() < deadline || (isWaitingForAName() && Date() < namingDeadline) {
      if isWaitingForAName(), Date().timeIntervalSince(scanStarted) >= 1 {
        restartScan()
        scanStarted = Date()
      }
      var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 200) > 0 else { continue }
      let count = read(socket, &buffer, buffer.count)
      guard count > 0 else { continue }
      for report in AdvertisingReport.reports(inEvent: Array(buffer[0..<count])) {
        var device = seen[report.address] ?? DiscoveredDevice(address: report.address, name: nil, radio: .lowEnergy)
        device.name = report.name ?? device.name
        device.isRandomAddress = report.isRandomAddress
        device.offersDiffuserService =
          device.offersDiffuserService || report.services.contains(DiffuserGATTProfile.service)
        device.looksLikeScentrealm =
          device.looksLikeScentrealm || report.services.contains(GATTProfile.nordicUART.service)
          || (device.name?.lowercased().hasPrefix("scent") ?? false)
        seen[report.address] = device
      }
    }
    return seen.values.sorted { $0.address < $1.address }
  }

  /// A refused HCI command (status ≠ 0 comes back as EIO) usually means the adapter is busy.
  private static func scanError(_ code: Int32, call: String) -> DiffuserError {
    code == EIO || code == EBUSY ? .adapterBusy : .from(errno: code, call: call)
  }

  private static func text(of address: inout bdaddr_t) -> String {
    var text = [CChar](repeating: 0, count: 18)
    ba2str(&address, &text)
    return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
  }
}
