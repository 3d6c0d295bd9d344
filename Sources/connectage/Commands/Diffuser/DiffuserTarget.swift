import ArgumentParser
import ScentKit

/// Which diffuser a command talks to: a Bluetooth address or a simulator socket.
struct DiffuserTarget: ParsableArguments {
  @Option(help: "Bluetooth address of the diffuser, e.g. AA:BB:CC:DD:EE:FF.")
  var address: String?

  @Option(help: "RFCOMM channel of the diffuser (1-30).")
  var channel: UInt8 = 1

  @Option(help: "A simulator instead of Bluetooth: unix:PATH or tcp:HOST:PORT.")
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
