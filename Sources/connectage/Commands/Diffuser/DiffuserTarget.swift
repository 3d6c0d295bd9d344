import ArgumentParser
import ScentKit

/// Which diffuser a command talks to: a Bluetooth address or a simulator socket.
struct DiffuserTarget: ParsableArguments {
  @Option(help: "Bluetooth address of the diffuser, e.g. AA:BB:CC:DD:EE:FF.")
  var address: String?

  @Option(help: "How to reach --address: rfcomm (Bluetooth classic serial) or ble (Bluetooth Low Energy, GATT).")
  var transport = "rfcomm"

  @Option(help: "RFCOMM channel of the diffuser (1-30).")
  var channel: UInt8 = 1

  @Option(
    help:
      "A simulator or an explicit endpoint instead of --address: unix:PATH, tcp:HOST:PORT, ble-unix:PATH, rfcomm:ADDRESS[:CHANNEL], ble:ADDRESS[:random], or a bought device (docs/devices.md): scentrealm-serial:/dev/ttyUSB0, scentrealm-ble:ADDRESS, aromashooter:HOST, devices:MAP."
  )
  var connect: String?

  func endpoint() throws -> DiffuserEndpoint {
    if let connect {
      do {
        return try DiffuserEndpoint(parsing: connect)
      } catch {
        throw CommandFailure.badInput(error.explanation)
      }
    }
    guard let address else {
      throw CommandFailure.badInput(
        .init(
          fr: "Indiquez le diffuseur : --address AA:BB:CC:DD:EE:FF (Bluetooth) ou --connect unix:CHEMIN (simulateur).",
          en: "Name the diffuser: --address AA:BB:CC:DD:EE:FF (Bluetooth) or --connect unix:PATH (simulator)."))
    }
    guard DiffuserEndpoint.isBluetoothAddress(address) else {
      throw CommandFailure.badInput(DiffuserError.invalidAddress(address).explanation)
    }
    switch transport {
    case "ble": return .lowEnergy(address: address.uppercased(), random: false)
    case "rfcomm": break
    default:
      throw CommandFailure.badInput(
        .init(
          fr:
            "--transport : « \(transport) » attendu rfcomm (Bluetooth classique) ou ble (Bluetooth basse consommation).",
          en: "--transport: '\(transport)', expected rfcomm (Bluetooth classic) or ble (Bluetooth Low Energy)."))
    }
    guard (1...30).contains(channel) else {
      throw CommandFailure.badInput(
        .init(
          fr: "--channel doit être entre 1 et 30 (reçu \(channel)).",
          en: "--channel must be between 1 and 30 (got \(channel))."))
    }
    return .rfcomm(address: address.uppercased(), channel: channel)
  }
}

extension DiffuserError {
  /// A runtime failure with the explanation in the terminal's language.
  var commandFailure: CommandFailure { CommandFailure.runtime(explanation) }
}
