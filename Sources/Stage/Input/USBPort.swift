import Foundation

/// The USB port a device node hangs from, read from sysfs: `usb <bus>-<port path>` (`usb 1-2.3`
/// for port 3 of a hub in port 2 of bus 1). It names the socket, not the device, so it stays the
/// same when a pad is unplugged and plugged back into it, whatever the kernel numbers it next.
enum USBPort {
  /// The port of the device SDL opened at `devicePath` (`/dev/input/event12`, `/dev/hidraw3`); nil
  /// when it is not on USB (Bluetooth, a virtual pad) or sysfs does not say.
  static func of(devicePath: String, sysfs: URL = URL(fileURLWithPath: "/sys")) -> String? {
    let node = (devicePath as NSString).lastPathComponent
    let subsystem: String
    if node.hasPrefix("event") || node.hasPrefix("js") {
      subsystem = "input"
    } else if node.hasPrefix("hidraw") {
      subsystem = "hidraw"
    } else {
      return nil
    }
    var directory = sysfs.appendingPathComponent("class/\(subsystem)/\(node)/device").resolvingSymlinksInPath()
    // A Bluetooth pad hangs from the computer's Bluetooth adapter, often on USB itself: that port
    // is every wireless pad's, not this one's.
    guard !directory.pathComponents.contains("bluetooth") else { return nil }
    // Up from the device to the first USB device above it, which knows its bus and port path.
    while directory.path.hasPrefix(sysfs.path), directory.path != sysfs.path {
      if let bus = value(of: "busnum", in: directory), let port = value(of: "devpath", in: directory) {
        return "usb \(bus)-\(port)"
      }
      directory.deleteLastPathComponent()
    }
    return nil
  }

  private static func value(of file: String, in directory: URL) -> String? {
    guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
      return nil
    }
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return value.isEmpty ? nil : value
  }
}
