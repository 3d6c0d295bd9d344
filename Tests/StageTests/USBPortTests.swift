import Foundation
import Testing

@testable import Stage

/// The USB port of a pad's device node, read from a sysfs laid out as Linux lays it out.
@Suite struct USBPortTests {
  /// A sysfs with one pad on port 3 of a hub in port 2 of bus 1: its input node `event12` (via
  /// `input17`) and its `hidraw3`, both under the pad's HID device, whose number changes at each plug.
  static func sysfs() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sysfs-\(UUID().uuidString)")
    let usb = root.appendingPathComponent("devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2.3")
    let hid = usb.appendingPathComponent("1-2.3:1.0/0003:045E:028E.0004")
    let manager = FileManager.default
    try manager.createDirectory(
      at: hid.appendingPathComponent("input/input17/event12"), withIntermediateDirectories: true)
    try manager.createDirectory(at: hid.appendingPathComponent("hidraw/hidraw3"), withIntermediateDirectories: true)
    try "1\n".write(to: usb.appendingPathComponent("busnum"), atomically: true, encoding: .utf8)
    try "2.3\n".write(to: usb.appendingPathComponent("devpath"), atomically: true, encoding: .utf8)
    // The hub above has its own bus and port path, which must not be the one read.
    try "1\n".write(
      to: usb.deletingLastPathComponent().appendingPathComponent("busnum"), atomically: true, encoding: .utf8)
    try "2\n".write(
      to: usb.deletingLastPathComponent().appendingPathComponent("devpath"), atomically: true, encoding: .utf8)
    // Relative links, as sysfs has them.
    try manager.createSymbolicLink(
      atPath: hid.appendingPathComponent("input/input17/event12/device").path, withDestinationPath: "..")
    try manager.createSymbolicLink(
      atPath: hid.appendingPathComponent("hidraw/hidraw3/device").path, withDestinationPath: "../..")
    for (subsystem, node, target) in [
      ("input", "event12", hid.appendingPathComponent("input/input17/event12")),
      ("hidraw", "hidraw3", hid.appendingPathComponent("hidraw/hidraw3")),
    ] {
      let folder = root.appendingPathComponent("class/\(subsystem)")
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      try manager.createSymbolicLink(at: folder.appendingPathComponent(node), withDestinationURL: target)
    }
    return root
  }

  @Test(arguments: ["/dev/input/event12", "/dev/hidraw3"])
  func aPadsNodeNamesTheSocketItIsPluggedInto(_ node: String) throws {
    let sysfs = try Self.sysfs()
    defer { try? FileManager.default.removeItem(at: sysfs) }
    #expect(USBPort.of(devicePath: node, sysfs: sysfs) == "usb 1-2.3")
  }

  /// A Bluetooth pad hangs from the computer's Bluetooth adapter, itself on USB port 1-4: that port
  /// is every wireless pad's, so the pad has none.
  @Test func aBluetoothPadHasNoPort() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sysfs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let adapter = root.appendingPathComponent("devices/pci0000:00/0000:00:14.0/usb1/1-4")
    let event = adapter.appendingPathComponent(
      "1-4:1.0/bluetooth/hci0/hci0:256/0005:054C:09CC.0007/input/input20/event12")
    let manager = FileManager.default
    try manager.createDirectory(at: event, withIntermediateDirectories: true)
    try "1\n".write(to: adapter.appendingPathComponent("busnum"), atomically: true, encoding: .utf8)
    try "4\n".write(to: adapter.appendingPathComponent("devpath"), atomically: true, encoding: .utf8)
    try manager.createSymbolicLink(atPath: event.appendingPathComponent("device").path, withDestinationPath: "..")
    try manager.createDirectory(at: root.appendingPathComponent("class/input"), withIntermediateDirectories: true)
    try manager.createSymbolicLink(
      at: root.appendingPathComponent("class/input/event12"), withDestinationURL: event)
    #expect(USBPort.of(devicePath: "/dev/input/event12", sysfs: root) == nil)
  }

  @Test(arguments: ["/dev/input/event40", "/dev/tty0", ""])
  func aNodeSysfsDoesNotPlaceOnUSBHasNoPort(_ node: String) throws {
    let sysfs = try Self.sysfs()
    defer { try? FileManager.default.removeItem(at: sysfs) }
    #expect(USBPort.of(devicePath: node, sysfs: sysfs) == nil)
  }
}
