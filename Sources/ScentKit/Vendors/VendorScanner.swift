import Foundation

/// Finds bought diffusers that are not Bluetooth-scanned: Scentrealm players on serial ports and
/// Aroma Shooters on the local network.
public enum VendorScanner {
  /// Serial ports a USB adapter or a Scentrealm player creates: `/dev/ttyUSB*`, `/dev/ttyACM*`.
  public static func serialPorts(in folder: String = "/dev") -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasPrefix("ttyUSB") || $0.hasPrefix("ttyACM") }.sorted().map { "\(folder)/\($0)" }
  }

  /// The ports where a Scentrealm player answers its UUID and scents requests.
  public static func probeScentrealm(ports: [String], settings: ScentrealmSettings = .init()) async -> [(
    endpoint: VendorEndpoint, identity: VendorIdentity
  )] {
    // Asked briefly (a port with no player never answers), but returned with the caller's
    // settings: the endpoint is what a session will use.
    var probing = settings
    probing.answerTimeout = .milliseconds(500)
    var found: [(VendorEndpoint, VendorIdentity)] = []
    for port in ports {
      guard let device = try? await VendorEndpoint.scentrealmSerial(path: port, settings: probing).open() else {
        continue
      }
      if let identity = try? await device.identify() {
        found.append((.scentrealmSerial(path: port, settings: settings), identity))
      }
      device.close()
    }
    return found
  }

  /// Whether an Aroma Shooter answers at `host` (its firmware request).
  public static func probeAromaShooter(host: String, port: UInt16 = AromaShooterDevice.defaultPort) async
    -> VendorIdentity?
  {
    try? await AromaShooterDevice(host: host, port: port).identify()
  }

  /// Hosts named `ASN2…` that mDNS (avahi-browse) lists on the local network; nil when
  /// avahi-browse is not installed. A device that announces no service stays invisible to a
  /// browse: reach it by the name on its label, `ASN2A00001.local`.
  public static func browseAromaShooters() -> [String]? {
    let candidates = ["/usr/bin/avahi-browse", "/bin/avahi-browse", "/usr/local/bin/avahi-browse"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["--all", "--resolve", "--terminate", "--parsable"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [] }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return aromaShooterHosts(inAvahiOutput: text)
  }

  /// `=;eth0;IPv4;NAME;TYPE;local;HOST.local;ADDRESS;PORT;TXT` lines whose host starts with ASN2.
  public static func aromaShooterHosts(inAvahiOutput text: String) -> [String] {
    let hosts = text.split(separator: "\n").compactMap { line -> String? in
      let fields = line.split(separator: ";", omittingEmptySubsequences: false)
      guard fields.count >= 8, fields[0] == "=", fields[6].uppercased().hasPrefix("ASN2") else { return nil }
      return fields[7].isEmpty ? String(fields[6]) : String(fields[7])
    }
    return Array(Set(hosts)).sorted()
  }
}
