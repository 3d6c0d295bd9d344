import ArgumentParser
import Foundation
import ScentKit

/// `connectage diffuser simulate`: the device side, for demos, tests and the BlueZ VM.
struct DiffuserSimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Run a simulated 30-scent diffuser (real timing, 10 s cap, heartbeat watchdog, fault injection).")

  @Option(
    help:
      "Where to listen: unix:PATH, tcp:PORT, rfcomm:CHANNEL, ble (a GATT peripheral on every adapter; advertising is the adapter's job) or ble-unix:PATH (GATT over a Unix socket)."
  )
  var listen: String

  @Option(name: .customLong("drop-after"), help: "Drop the link once, after answering N frames.")
  var dropAfter: Int?

  @Option(help: "Milliseconds added before every answer.")
  var latency = 0

  @Option(
    name: .customLong("release-delay"),
    help: "Milliseconds the device takes to start a release and acknowledge it, answering other frames meanwhile.")
  var releaseDelay = 0

  @Option(name: .customLong("nak-rate"), help: "Share of releases refused with NAK busy (0 to 1).")
  var nakRate = 0.0

  @Option(help: "Hang (no answers, no timers) after N frames.")
  var stall: Int?

  @Option(help: "A channel whose cartridge is empty (repeatable).")
  var empty: [Int] = []

  @Option(name: .customLong("watchdog-ms"), help: "Stop everything after this long without a frame from the host.")
  var watchdogMilliseconds = 3_000

  @Option(help: "Seed of the injected NAKs.")
  var seed: UInt64 = 1

  @Option(
    help:
      "Which device to simulate: connectage (default), scentrealm (listen on pty, unix:PATH or ble-unix:PATH) or aromashooter (listen on tcp:PORT, loopback)."
  )
  var device = "connectage"

  func validate() throws {
    guard (0...1).contains(nakRate) else {
      throw CommandFailure.badInput(
        .init(fr: "--nak-rate doit être entre 0 et 1.", en: "--nak-rate must be between 0 and 1."))
    }
    guard empty.allSatisfy({ (1...30).contains($0) }) else {
      throw CommandFailure.badInput(
        .init(fr: "--empty doit être un canal entre 1 et 30.", en: "--empty must be a channel between 1 and 30."))
    }
  }

  func run() async throws {
    switch device {
    case "connectage": break
    case "scentrealm", "aromashooter": return try await runVendor()
    default:
      throw CommandFailure.badInput(
        .init(
          fr: "--device : « \(device) » attendu connectage, scentrealm ou aromashooter.",
          en: "--device: '\(device)', expected connectage, scentrealm or aromashooter."))
    }
    let endpoint: ListenEndpoint
    do {
      endpoint = try ListenEndpoint(parsing: listen)
    } catch {
      throw CommandFailure.badInput(
        .init(
          fr: "--listen : « \(listen) » attendu unix:CHEMIN, tcp:PORT, rfcomm:CANAL, ble ou ble-unix:CHEMIN.",
          en: "--listen: '\(listen)', expected unix:PATH, tcp:PORT, rfcomm:CHANNEL, ble or ble-unix:PATH."))
    }
    var configuration = SimulatedDevice.Configuration()
    configuration.emptyChannels = Set(empty)
    configuration.watchdogMilliseconds = watchdogMilliseconds
    let faults = SimulatorFaults(
      dropAfterFrames: dropAfter, latency: .milliseconds(latency), releaseDelay: .milliseconds(releaseDelay),
      negativeAcknowledgementRate: nakRate, stallAfterFrames: stall, seed: seed)
    let simulator = DiffuserSimulator(configuration: configuration, faults: faults)
    let address: String
    do throws(DiffuserError) {
      address = try await simulator.start(listening: endpoint)
    } catch {
      throw error.commandFailure
    }
    Terminal.say(
      .init(
        fr: "Simulateur de diffuseur à l'écoute sur \(address) ; Ctrl+C pour arrêter.",
        en: "Diffuser simulator listening on \(address); Ctrl+C to stop."))
    let stopper = SignalStopper { Task { await simulator.stop() } }
    for await activity in simulator.activity {
      Terminal.print("simulator: \(activity)")
    }
    withExtendedLifetime(stopper) {}
  }

  /// A bought device's simulator: its own protocol, the --connect text that reaches it.
  private func runVendor() async throws {
    let connect: String
    let stop: @Sendable () async -> Void
    let commandLog: @Sendable () async -> [String]
    do throws(DiffuserError) {
      if device == "aromashooter" {
        guard listen.hasPrefix("tcp:"), let port = UInt16(listen.dropFirst(4)) else { throw .invalidAddress(listen) }
        let simulator = AromaShooterSimulator()
        connect = "aromashooter:127.0.0.1:\(try await simulator.start(port: port))"
        stop = { await simulator.stop() }
        commandLog = { await simulator.commandLog }
      } else {
        var faults = ScentrealmSimulator.Faults()
        faults.cartridgeFaultChannels = Set(empty)
        let simulator = ScentrealmSimulator(faults: faults)
        if listen == "pty" {
          connect = "scentrealm-serial:\(try await simulator.startOnPseudoTerminal())"
        } else if listen.hasPrefix("unix:") {
          try await simulator.start(listening: .unix(path: String(listen.dropFirst(5))))
          connect = "scentrealm-unix:\(listen.dropFirst(5))"
        } else if listen.hasPrefix("ble-unix:") {
          try await simulator.start(listening: .gattUnix(path: String(listen.dropFirst(9))))
          connect = "scentrealm-ble-unix:\(listen.dropFirst(9))"
        } else if listen == "ble" {
          try await simulator.start(listening: .lowEnergy)
          connect = "scentrealm-ble:ADDRESS"
        } else {
          throw .invalidAddress(listen)
        }
        stop = { await simulator.stop() }
        commandLog = { await simulator.commandLog }
      }
    } catch .invalidAddress {
      throw CommandFailure.badInput(
        .init(
          fr:
            "--listen : « \(listen) » attendu pty, unix:CHEMIN, ble ou ble-unix:CHEMIN (scentrealm), tcp:PORT (aromashooter).",
          en:
            "--listen: '\(listen)', expected pty, unix:PATH, ble or ble-unix:PATH (scentrealm), tcp:PORT (aromashooter)."
        ))
    } catch {
      throw error.commandFailure
    }
    Terminal.say(
      .init(
        fr: "Simulateur \(device) prêt ; Ctrl+C pour arrêter. --connect \(connect)",
        en: "\(device) simulator ready; Ctrl+C to stop. --connect \(connect)"))
    // Each command as it arrives, as the ConnectAge simulator prints its activity: what a
    // session asked of the device can be read off the terminal.
    let printer = Task {
      var printed = 0
      while !Task.isCancelled {
        let log = await commandLog()
        for command in log.dropFirst(printed) { Terminal.print("simulator: received \(command)") }
        printed = log.count
        try? await Task.sleep(for: .milliseconds(50))
      }
      return printed
    }
    let finished = AsyncStream<Void>.makeStream()
    let stopper = SignalStopper {
      Task {
        await stop()
        finished.continuation.finish()
      }
    }
    for await _ in finished.stream {}
    printer.cancel()
    for command in await commandLog().dropFirst(await printer.value) {
      Terminal.print("simulator: received \(command)")
    }
    withExtendedLifetime(stopper) {}
  }
}
