import ArgumentParser
import Foundation
import ScentKit
import SessionModel

/// `connectage diffuser scan`: Scentrealm players on serial ports, Aroma Shooters on the network,
/// then a classic inquiry and an LE scan on one adapter.
struct DiffuserScanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract:
      "List diffusers: Scentrealm on serial ports, Aroma Shooters on the network (mDNS), Bluetooth devices nearby.")

  @Option(help: "Seconds to listen for each radio.")
  var seconds = 4

  @Option(help: "Which radio to scan: classic, le, both or none.")
  var radio = "both"

  @Option(help: "An Aroma Shooter's address or name (e.g. ASN2A00001.local) to check, when mDNS does not list it.")
  var aromashooter: [String] = []

  @Option(help: "Adapter index N of hciN (default: the first adapter that is up).")
  var adapter: Int32?

  func run() async throws {
    let radios: Set<DiscoveredDevice.Radio>
    switch radio {
    case "both": radios = [.classic, .lowEnergy]
    case "classic": radios = [.classic]
    case "le": radios = [.lowEnergy]
    case "none": radios = []
    default:
      throw CommandFailure.badInput(
        .init(
          fr: "--radio : « \(radio) » attendu classic, le, both ou none.",
          en: "--radio: '\(radio)', expected classic, le, both or none."))
    }
    await scanVendorDevices()
    guard !radios.isEmpty else { return }
    let (seconds, adapter) = (max(1, seconds), adapter)
    // The scan blocks in the kernel: keep it off Swift's cooperative threads.
    let result: Result<[DiscoveredDevice], DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result { () throws(DiffuserError) in
            try BluetoothScanner.scan(seconds: seconds, radios: radios, adapter: adapter)
          })
      }.start()
    }
    let devices: [DiscoveredDevice]
    do {
      devices = try result.get()
    } catch {
      throw error.commandFailure
    }
    guard !devices.isEmpty else {
      Terminal.say(
        .init(
          fr: "Aucun appareil Bluetooth trouvé. Allumez le diffuseur, approchez-le et relancez la recherche.",
          en: "No Bluetooth device found. Switch the diffuser on, bring it closer and scan again."))
      return
    }
    for device in devices {
      Terminal.say(Self.line(for: device))
    }
  }

  /// Serial ports and the network: what answers, and the --connect text that reaches it.
  private func scanVendorDevices() async {
    for (endpoint, identity) in await VendorScanner.probeScentrealm(ports: VendorScanner.serialPorts()) {
      Terminal.say(
        .init(
          fr: "Scentrealm (UUID \(identity.firmware)) --connect \(endpoint)",
          en: "Scentrealm (UUID \(identity.firmware)) --connect \(endpoint)"))
    }
    var hosts = aromashooter
    if let browsed = VendorScanner.browseAromaShooters() {
      hosts += browsed
    } else {
      Terminal.say(
        .init(
          fr:
            "avahi-browse n'est pas installé : pas de recherche mDNS des Aroma Shooter ; donnez --aromashooter ADRESSE.",
          en: "avahi-browse is not installed: no mDNS search for Aroma Shooters; pass --aromashooter ADDRESS."))
    }
    for host in hosts {
      if let identity = await VendorScanner.probeAromaShooter(host: host) {
        Terminal.say(
          .init(
            fr: "Aroma Shooter (micrologiciel \(identity.firmware)) --connect aromashooter:\(host)",
            en: "Aroma Shooter (firmware \(identity.firmware)) --connect aromashooter:\(host)"))
      } else {
        Terminal.say(
          .init(
            fr: "\(host) : aucun Aroma Shooter ne répond (port 1003).",
            en: "\(host): no Aroma Shooter answers (port 1003)."))
      }
    }
  }

  /// `ADDRESS  radio  name`, and for an LE diffuser the endpoint to pass to --connect.
  static func line(for device: DiscoveredDevice) -> LocalizedText {
    func line(classic: String, diffuser: String) -> String {
      let start = "\(device.address)  \(device.radio == .classic ? classic : "LE")  \(device.name ?? "?")"
      guard let endpoint = device.diffuserEndpoint else { return start }
      return start + "  \(device.looksLikeScentrealm ? "Scentrealm?" : diffuser) --connect \(endpoint)"
    }
    return .init(
      fr: line(classic: "classique", diffuser: "diffuseur ConnectAge :"),
      en: line(classic: "classic", diffuser: "ConnectAge diffuser:"))
  }
}
