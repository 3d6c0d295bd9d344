import ArgumentParser
import Foundation
import ScentKit

/// `connectage diffuser scan`: a classic inquiry and an LE scan on the first adapter.
struct DiffuserScanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan", abstract: "List Bluetooth devices nearby (classic inquiry, then LE scan).")

  @Option(help: "Seconds to listen for each radio.")
  var seconds = 4

  func run() async throws {
    let seconds = seconds
    // The scan blocks in the kernel: keep it off Swift's cooperative threads.
    let result: Result<[DiscoveredDevice], DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result { () throws(DiffuserError) in try BluetoothScanner.scan(seconds: seconds) })
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
      let radio = device.radio == .classic ? "classique" : "LE"
      Terminal.print("\(device.address)  \(radio)  \(device.name ?? "?")")
    }
  }
}
