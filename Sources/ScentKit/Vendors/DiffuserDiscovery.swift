import Foundation
import SessionModel

/// The diffusers this computer can find by itself and ConnectAge can drive, for a screen that
/// offers them to choose from (the home screen's settings): Scentrealm players on serial ports,
/// Aroma Shooters that mDNS lists or whose address is already known, and Bluetooth devices that
/// offer the diffuser service or look like a Scentrealm. `connectage diffuser scan` prints more
/// (every Bluetooth device heard) for whoever is debugging a connection.
public enum DiffuserDiscovery {
  /// Searches serial ports, the local network and both Bluetooth radios (about `seconds` each).
  /// `aromaShooters` are hosts (`HOST` or `HOST:PORT`) to ask besides those mDNS lists: a saved address.
  public static func search(seconds: Int = 4, aromaShooters: [String] = []) async -> DiffuserSearch {
    var found = await VendorScanner.probeScentrealm(ports: VendorScanner.serialPorts()).map {
      DiffuserSearch.Found(endpoint: "\($0.endpoint)", model: "Scentrealm")
    }
    var hosts = aromaShooters
    for host in VendorScanner.browseAromaShooters() ?? [] where !hosts.contains(host) { hosts.append(host) }
    for text in hosts {
      // `HOST` or `HOST:PORT`, as `aromashooter:` endpoints write it.
      let parts = text.split(separator: ":")
      let (host, port) =
        parts.count == 2 ? (String(parts[0]), UInt16(parts[1])) : (text, AromaShooterDevice.defaultPort)
      guard let port, await VendorScanner.probeAromaShooter(host: host, port: port) != nil else { continue }
      found.append(DiffuserSearch.Found(endpoint: "aromashooter:\(text)", model: "Aroma Shooter"))
    }
    // The scan blocks for seconds: on a thread of its own, never on the cooperative pool.
    let heard: Result<[DiscoveredDevice], DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result { () throws(DiffuserError) in
            try BluetoothScanner.scan(seconds: seconds, radios: [.classic, .lowEnergy], adapter: nil)
          })
      }.start()
    }
    switch heard {
    case .success(let devices):
      for device in devices {
        guard let endpoint = device.diffuserEndpoint else { continue }
        found.append(
          DiffuserSearch.Found(endpoint: endpoint, model: device.looksLikeScentrealm ? "Scentrealm" : "ConnectAge"))
      }
      return DiffuserSearch(found: found)
    case .failure(let error):
      return DiffuserSearch(found: found, bluetoothProblem: error.explanation)
    }
  }
}

extension DiscoveredDevice {
  /// The `--diffuser` text that drives this device, when it is one ConnectAge can drive.
  public var diffuserEndpoint: String? {
    if looksLikeScentrealm { return "scentrealm-ble:\(address)\(isRandomAddress ? ",random" : "")" }
    if offersDiffuserService { return "ble:\(address)\(isRandomAddress ? ":random" : "")" }
    return nil
  }
}
