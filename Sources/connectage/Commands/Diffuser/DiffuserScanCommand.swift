import ArgumentParser
import Foundation
import ScentKit
import SessionModel

/// `connectage diffuser scan`: a classic inquiry and an LE scan on one adapter.
struct DiffuserScanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan", abstract: "List Bluetooth devices nearby (classic inquiry, then LE scan).")

  @Option(help: "Seconds to listen for each radio.")
  var seconds = 4

  @Option(help: "Which radio to scan: classic, le or both.")
  var radio = "both"

  @Option(help: "Adapter index N of hciN (default: the first adapter that is up).")
  var adapter: Int32?

  func run() async throws {
    let radios: Set<DiscoveredDevice.Radio>
    switch radio {
    case "both": radios = [.classic, .lowEnergy]
    case "classic": radios = [.classic]
    case "le": radios = [.lowEnergy]
    default:
      throw CommandFailure.badInput(
        .init(
          fr: "--radio : « \(radio) » attendu classic, le ou both.",
          en: "--radio: '\(radio)', expected classic, le or both."))
    }
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

  /// `ADDRESS  radio  name`, and for an LE diffuser the endpoint to pass to --connect.
  static func line(for device: DiscoveredDevice) -> LocalizedText {
    let endpoint = "ble:\(device.address)\(device.isRandomAddress ? ":random" : "")"
    func line(classic: String, diffuser: String) -> String {
      let start = "\(device.address)  \(device.radio == .classic ? classic : "LE")  \(device.name ?? "?")"
      return device.offersDiffuserService ? start + "  \(diffuser) --connect \(endpoint)" : start
    }
    return .init(
      fr: line(classic: "classique", diffuser: "diffuseur ConnectAge :"),
      en: line(classic: "classic", diffuser: "ConnectAge diffuser:"))
  }
}
