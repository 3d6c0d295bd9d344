import ArgumentParser
import Foundation
import ScentKit
import SessionModel
import SessionRunner
import Stage

/// Where a session shows, which diffuser it uses and where its files go.
struct SessionOptions: ParsableArguments {
  @OptionGroup var stage: StageOptions

  @Flag(help: "Fill the screen (the session room's display).")
  var fullscreen = false

  @Flag(help: "Pick up this session where its interrupted run stopped; images already shown are not shown again.")
  var resume = false

  @Option(
    help: ArgumentHelp(
      "Diffuser: 'simulated', 'none', or unix:PATH, tcp:HOST:PORT, rfcomm:AA:BB:CC:DD:EE:FF[:CHANNEL], ble:AA:BB:CC:DD:EE:FF, scentrealm-serial:/dev/ttyUSB0, scentrealm-ble:ADDRESS, aromashooter:HOST, devices:MAP (docs/devices.md) (default: $CONNECTAGE_DIFFUSER).",
      valueName: "diffuser"))
  var diffuser: String?

  @Flag(
    help:
      "Start a clinical session even when a start check fails (no diffuser, no microphone, little disk space, unregistered group); the problem is logged and shown on screen."
  )
  var allowDegraded = false

  var display: DisplayChoice {
    if stage.headless { return .headless }
    return fullscreen ? .fullscreen : .automatic
  }

  /// The diffuser named by `--diffuser`, else by `CONNECTAGE_DIFFUSER`, else `fallback`.
  ///
  /// A real session never falls back to the simulator silently: a therapist must not believe a
  /// scent was released when it was not. A mistyped endpoint is refused here, before anything opens.
  func diffuserChoice(otherwise fallback: DiffuserChoice) throws -> DiffuserChoice {
    let fromFlag = diffuser != nil
    switch diffuser ?? ProcessInfo.processInfo.environment["CONNECTAGE_DIFFUSER"] {
    case nil: return fallback
    case "simulated": return .simulated
    case "none": return DiffuserChoice.none
    case let text?:
      do throws(DiffuserError) {
        _ = try DiffuserEndpoint(parsing: text)
        return .endpoint(text)
      } catch .deviceMap(let problem) {
        throw CommandFailure.badInput(problem)
      } catch {
        throw CommandFailure.badInput(
          Self.unknownDiffuser(text, named: fromFlag ? "--diffuser" : "CONNECTAGE_DIFFUSER"))
      }
    }
  }

  static func unknownDiffuser(_ text: String, named source: String) -> LocalizedText {
    LocalizedText(
      fr:
        "\(source) : « \(text) » n'est pas un diffuseur reconnu. Formes acceptées : simulated, none, unix:CHEMIN, tcp:HÔTE:PORT, rfcomm:AA:BB:CC:DD:EE:FF[:CANAL], ble:AA:BB:CC:DD:EE:FF[:random], ble-unix:CHEMIN, scentrealm-serial:/dev/ttyUSB0, scentrealm-ble:AA:BB:CC:DD:EE:FF, aromashooter:HÔTE, devices:CARTE.",
      en:
        "\(source): '\(text)' is not a diffuser ConnectAge knows. Accepted forms: simulated, none, unix:PATH, tcp:HOST:PORT, rfcomm:AA:BB:CC:DD:EE:FF[:CHANNEL], ble:AA:BB:CC:DD:EE:FF[:random], ble-unix:PATH, scentrealm-serial:/dev/ttyUSB0, scentrealm-ble:AA:BB:CC:DD:EE:FF, aromashooter:HOST, devices:MAP."
    )
  }
}
