import Foundation
import Store
import Testing

/// `connectage diffuser …` as a user runs it: the real binary, the simulator in a child process.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DiffuserCommandTests {
  static let kernelHasBluetooth =
    (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8))?.contains("BLUETOOTH") ?? false

  @Test(arguments: [
    (
      "fr",
      "Le noyau de cet ordinateur ne prend pas en charge le Bluetooth (errno 97). Utilisez un ordinateur avec Bluetooth, ou le simulateur : connectage diffuser simulate.\n"
    ),
    (
      "en",
      "This computer's kernel has no Bluetooth support (errno 97). Use a computer with Bluetooth, or the simulator: connectage diffuser simulate.\n"
    ),
  ])
  func scanExplainsAKernelWithoutBluetooth(language: String, message: String) async throws {
    try #require(!Self.kernelHasBluetooth, "this kernel has Bluetooth: errno 97 cannot happen here")
    let run = try await CommandRun.connectage(["diffuser", "scan"], environment: ["CONNECTAGE_LANG": language])
    #expect(run.exitCode == 1)
    #expect(run.standardError == message)
  }

  @Test(arguments: [
    ["diffuser", "test", "--address", "00:11:22:33:44:55"],
    ["diffuser", "test", "--address", "00:11:22:33:44:55", "--transport", "ble"],
    ["diffuser", "stop-all", "--connect", "ble:00:11:22:33:44:55:random"],
    ["diffuser", "simulate", "--listen", "ble"],
    ["diffuser", "scan", "--radio", "le"],
  ])
  func everyBluetoothPathExplainsAKernelWithoutBluetooth(arguments: [String]) async throws {
    try #require(!Self.kernelHasBluetooth, "this kernel has Bluetooth: errno 97 cannot happen here")
    let run = try await CommandRun.connectage(arguments)
    #expect(run.exitCode == 1)
    #expect(run.standardError.hasPrefix("Le noyau de cet ordinateur ne prend pas en charge le Bluetooth (errno 97)."))
  }

  @Test(arguments: [
    (
      ["diffuser", "test"],
      "Indiquez le diffuseur : --address AA:BB:CC:DD:EE:FF (Bluetooth) ou --connect unix:CHEMIN (simulateur).\n"
    ),
    (
      ["diffuser", "test", "--address", "AA:BB"],
      "Adresse de diffuseur invalide : « AA:BB ». Exemple attendu : AA:BB:CC:DD:EE:FF, ble:AA:BB:CC:DD:EE:FF, scentrealm-serial:/dev/ttyUSB0, aromashooter:hôte, devices:/chemin/carte.conf, unix:/chemin ou tcp:hôte:port.\n"
    ),
    (
      ["diffuser", "test", "--connect", "unix:/nowhere", "--scents", "1,31"],
      "--scents : « 31 » n'est pas un canal entre 1 et 30 (exemple : --scents 1,2,3).\n"
    ),
    (
      ["diffuser", "simulate", "--listen", "serial:1"],
      "--listen : « serial:1 » attendu unix:CHEMIN, tcp:PORT, rfcomm:CANAL, ble ou ble-unix:CHEMIN.\n"
    ),
    (
      ["diffuser", "test", "--address", "AA:BB:CC:DD:EE:FF", "--transport", "usb"],
      "--transport : « usb » attendu rfcomm (Bluetooth classique) ou ble (Bluetooth basse consommation).\n"
    ),
    (
      ["diffuser", "test", "--connect", "ble:AA:BB:CC:DD:EE:FF:static"],
      "Adresse de diffuseur invalide : « ble:AA:BB:CC:DD:EE:FF:static ». Exemple attendu : AA:BB:CC:DD:EE:FF, ble:AA:BB:CC:DD:EE:FF, scentrealm-serial:/dev/ttyUSB0, aromashooter:hôte, devices:/chemin/carte.conf, unix:/chemin ou tcp:hôte:port.\n"
    ),
    (["diffuser", "scan", "--radio", "wifi"], "--radio : « wifi » attendu classic, le, both ou none.\n"),
  ])
  func badInputIsExplained(arguments: [String], message: String) async throws {
    let run = try await CommandRun.connectage(arguments)
    #expect(run.exitCode == 2)
    #expect(run.standardError == message)
  }

  @Test func unreachableSimulatorIsExplained() async throws {
    let run = try await CommandRun.connectage([
      "diffuser", "stop-all", "--connect", "unix:/tmp/connectage-no-such-diffuser.sock",
    ])
    #expect(run.exitCode == 1)
    #expect(run.standardError.hasPrefix("Le diffuseur ne répond pas (errno 2)"))
  }

  /// The simulator's stream socket, and GATT over a packet socket (the BLE code path).
  @Test(arguments: ["unix", "ble-unix"])
  func testCommandChecksASimulatedDiffuser(scheme: String) async throws {
    let (simulator, socket, _) = try await Self.startSimulator(["--empty", "4"], scheme: scheme)
    defer { simulator.terminate() }
    let run = try await CommandRun.connectage([
      "diffuser", "test", "--connect", "\(scheme):\(socket)", "--scents", "2,3",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(
      run.standardOutput.contains("Modèle : ConnectAge Simulated Diffuser 30, micrologiciel sim-1.0, 30 canaux\n"))
    #expect(run.standardOutput.contains("État : 0 canal(aux) actif(s) ; cartouches vides ou absentes : 4\n"))
    #expect(run.standardOutput.contains("Canal 2 (citron) : diffusion accusée en "))
    #expect(run.standardOutput.hasSuffix("Tous les canaux sont arrêtés.\nTest réussi : 2 diffusion(s) accusée(s).\n"))
    #expect(
      await simulator.waitForOutput(
        containing: "received #4 release(channel: 3, intensity: 30, durationMilliseconds: 300"))
    #expect(await simulator.waitForOutput(containing: "received #5 stop(channel: 0)"))
  }

  @Test func emptyCartridgeFailsTheTest() async throws {
    let (simulator, socket, _) = try await Self.startSimulator(["--empty", "4"])
    defer { simulator.terminate() }
    let run = try await CommandRun.connectage(["diffuser", "test", "--connect", "unix:\(socket)", "--scents", "4"])
    #expect(run.exitCode == 1)
    #expect(run.standardOutput.contains("Canal 4 (fraise) : La cartouche de ce canal est vide : remplacez-la.\n"))
    #expect(run.standardError == "Test terminé avec 1 canal(aux) en échec.\n")
  }

  @Test func watchdogStopsTheReleaseWhenTheHostIsKilled() async throws {
    let (simulator, socket, folder) = try await Self.startSimulator(["--watchdog-ms", "1000"])
    defer { simulator.terminate() }
    let host = try Child.start(
      ["diffuser", "test", "--connect", "unix:\(socket)", "--scents", "3", "--duration-ms", "9000", "--hold"],
      in: folder)
    #expect(await host.waitForOutput(containing: "Liaison maintenue ; Ctrl+C arrête tout."))
    host.kill(SIGKILL)
    #expect(await simulator.waitForOutput(containing: "release on channel 3 stopped: watchdog"))
    #expect(await simulator.waitForOutput(containing: "fault on channel 0: watchdog-tripped"))
  }

  @Test func interruptedHostStopsEveryChannel() async throws {
    let (simulator, socket, folder) = try await Self.startSimulator([])
    defer { simulator.terminate() }
    let host = try Child.start(
      ["diffuser", "test", "--connect", "unix:\(socket)", "--scents", "6", "--duration-ms", "9000", "--hold"],
      in: folder)
    #expect(await host.waitForOutput(containing: "Liaison maintenue"))
    host.kill(SIGINT)
    #expect(await simulator.waitForOutput(containing: "release on channel 6 stopped: stopped"))
    #expect(await host.waitForExit() == 130)
  }

  /// The first-centre check of docs/devices.md against each bought device's simulator: every
  /// channel released once, and the log a centre sends back.
  @Test(arguments: [("aromashooter", "tcp:0"), ("scentrealm", "pty")])
  func testCommandChecksEveryChannelOfABoughtDevice(device: String, listen: String) async throws {
    let folder = try Self.temporaryFolder()
    let simulator = try Child.start(["diffuser", "simulate", "--device", device, "--listen", listen], in: folder)
    defer { simulator.terminate() }
    try #require(await simulator.waitForOutput(containing: "--connect "))
    let connect = try #require(
      simulator.output.components(separatedBy: "--connect ").last?.split(separator: "\n").first.map(String.init))
    let log = folder.appendingPathComponent("diffuser-test.jsonl").path
    let run = try await CommandRun.connectage([
      "diffuser", "test", "--connect", connect, "--scents", "all", "--log", log,
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains(", 6 canaux\n"))
    #expect(run.standardOutput.hasSuffix("Tous les canaux sont arrêtés.\nTest réussi : 6 diffusion(s) accusée(s).\n"))
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.filter { $0.contains(#""type":"scent.release.acknowledged""#) }.count == 6)
    #expect(!lines.contains { $0.contains("127.0.0.1") || $0.contains("/dev/pts") }, "no address in the log")
  }

  /// A whole session over one logical diffuser made of three bought devices (a Scentrealm on a
  /// serial line, one on a socket, an Aroma Shooter over HTTP), each its own simulator process:
  /// the start check reaches all three, the scent trial's scent leaves from the device the map
  /// names, on the mapped channel, and the shutdown stops every device.
  @Test func aSessionRunsOverThreeDevicesAsOneDiffuser() async throws {
    let folder = try Self.temporaryFolder()
    let devices = [
      ("A", ["--device", "scentrealm", "--listen", "pty"]),
      ("B", ["--device", "scentrealm", "--listen", "unix:" + folder.appendingPathComponent("b.sock").path]),
      ("C", ["--device", "aromashooter", "--listen", "tcp:0"]),
    ]
    var simulators: [String: Child] = [:]
    var map = ""
    for (name, options) in devices {
      let simulator = try Child.start(["diffuser", "simulate"] + options, in: folder)
      simulators[name] = simulator
      try #require(await simulator.waitForOutput(containing: "--connect "), "\(simulator.error)")
      let connect = try #require(
        simulator.output.components(separatedBy: "--connect ").last?.split(separator: "\n").first)
      map += "device \(name) \(connect)\n"
    }
    defer { simulators.values.forEach { $0.terminate() } }
    // The demo's three scents (slots of Protocols/scents.yaml), one per device, not on channel 1.
    let mapped = [("pomme", 1, "A", 2), ("cafe", 4, "B", 5), ("lavande", 6, "C", 3)]
    map += mapped.map { "\($0.1) \($0.0) \($0.2) \($0.3)" }.joined(separator: "\n") + "\n"
    let mapFile = folder.appendingPathComponent("devices.conf").path
    try map.write(toFile: mapFile, atomically: true, encoding: .utf8)

    let database = folder.appendingPathComponent("session.sqlite").path
    let run = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--answer-seconds", "1", "--players", "1", "--diffuser", "devices:" + mapFile,
        "--db", database, "--output", folder.appendingPathComponent("sessions").path,
      ],
      environment: ["XDG_DATA_HOME": folder.path])
    try #require(run.exitCode == 0, "\(run.standardError)")

    let store = try SessionDatabase(path: database)
    let session = try #require(try store.sessions.fetchAll().only)
    let events = try store.eventLog.events(in: session.id).map(\.event)
    let acknowledged = events.filter { $0.type.rawValue == "scent.release.acknowledged" }
    try #require(acknowledged.count == 1, "the demo has one scent trial")
    let scent = try #require(acknowledged[0].payload["scent"])
    let (_, _, device, channel) = try #require(mapped.first { $0.0 == scent })
    for (name, simulator) in simulators {
      simulator.kill(SIGINT)
      _ = await simulator.waitForExit()
      let received = simulator.output.split(separator: "\n").filter { $0.hasPrefix("simulator: received ") }
        .map { $0.dropFirst("simulator: received ".count) }
      let plays = received.filter { $0.hasPrefix("play ") }
      if name == device {
        #expect(plays.count == 1 && plays[0].hasPrefix("play \(channel) "), "\(name): \(received)")
      } else {
        #expect(plays.isEmpty, "\(name) released nothing: \(received)")
      }
      #expect(received.contains("stop"), "\(name) stopped at the end: \(received)")
    }
  }

  /// A `diffuser simulate` child on a Unix socket in a fresh folder, once it listens.
  /// `scheme` is `unix` (a byte stream) or `ble-unix` (GATT over a packet socket).
  private static func startSimulator(_ options: [String], scheme: String = "unix") async throws
    -> (Child, socket: String, folder: URL)
  {
    let folder = try temporaryFolder()
    let socket = folder.appendingPathComponent("d.sock").path
    let simulator = try Child.start(["diffuser", "simulate", "--listen", "\(scheme):\(socket)"] + options, in: folder)
    try #require(await simulator.waitForOutput(containing: "listening on \(scheme):"))
    return (simulator, socket, folder)
  }

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "diffuser-cli-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

/// A `connectage` process left running in the background (a simulator, a host killed mid-release),
/// its output going to files and watched without blocking a thread. Commands that run to their end
/// go through `CommandRun`.
private final class Child: Sendable {
  static let executable = CommandRun.executable

  let process: Process
  let outputURL: URL
  let errorURL: URL

  private init(process: Process, outputURL: URL, errorURL: URL) {
    self.process = process
    self.outputURL = outputURL
    self.errorURL = errorURL
  }

  static func start(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Child {
    let folder = try folder ?? DiffuserCommandTests.temporaryFolder()
    let name = UUID().uuidString.prefix(8)
    let outputURL = folder.appendingPathComponent("\(name).out")
    let errorURL = folder.appendingPathComponent("\(name).err")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables["CONNECTAGE_LANG"] = nil
    variables.merge(environment) { $1 }
    process.environment = variables
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    return Child(process: process, outputURL: outputURL, errorURL: errorURL)
  }

  var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
  var error: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

  func waitForOutput(containing text: String, seconds: Double = 20) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if output.contains(text) { return true }
      try? await Task.sleep(for: .milliseconds(25))
    }
    return output.contains(text)
  }

  func waitForExit(seconds: Double = 60) async -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
    if process.isRunning { kill(SIGKILL) }
    while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    return process.terminationStatus
  }

  func kill(_ signal: Int32) { Foundation.kill(process.processIdentifier, signal) }

  func terminate() {
    if process.isRunning { kill(SIGTERM) }
  }
}
