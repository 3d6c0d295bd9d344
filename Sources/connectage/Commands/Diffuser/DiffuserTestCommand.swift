import ArgumentParser
import Foundation
import ScentKit
import SessionModel

/// `connectage diffuser test`: hello, status, then a short release per requested channel.
struct DiffuserTestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Check a diffuser: identity, status, and a short release per channel.")

  @OptionGroup var target: DiffuserTarget

  @Option(help: "Cartridge channels to release, e.g. 1,2,3, or all (every channel the diffuser has).")
  var scents: String = "1"

  @Option(
    help: "Write every diffuser event to this file (one JSON object a line), e.g. to send back after a first test.")
  var log: String?

  @Option(help: "Intensity of each test release, in percent.")
  var intensity = 30

  @Option(name: .customLong("duration-ms"), help: "Length of each test release in milliseconds (at most 10000).")
  var durationMilliseconds = 300

  @Flag(help: "Keep the link (and the heartbeat) open after the releases until interrupted.")
  var hold = false

  static let checkLimits = ScentSafetyLimits.deviceCheck

  func run() async throws {
    let endpoint = try target.endpoint()
    let channels = try parseChannels()
    var sink: (@Sendable (SessionEvent) -> Void)?
    if let logFile = try openLog() { sink = { event in logFile.write(event) } }
    let diffuser = Diffuser(endpoint: endpoint, session: "diffuser-test", limits: Self.checkLimits, eventSink: sink)
    let guardOnSignal = StopAllOnSignal(diffuser)
    defer { withExtendedLifetime(guardOnSignal) {} }
    let failures: Int
    let tested: Int
    do throws(DiffuserError) {
      (failures, tested) = try await check(diffuser, endpoint: endpoint, channels: channels)
    } catch {
      await diffuser.shutdown()
      throw error.commandFailure
    }
    if hold {
      Terminal.say(.init(fr: "Liaison maintenue ; Ctrl+C arrête tout.", en: "Link kept open; Ctrl+C stops everything."))
      while true { try? await Task.sleep(for: .seconds(3600)) }
    }
    await diffuser.shutdown()
    Terminal.say(.init(fr: "Tous les canaux sont arrêtés.", en: "Every channel is stopped."))
    if failures > 0 {
      throw CommandFailure.runtime(
        .init(
          fr: "Test terminé avec \(failures) canal(aux) en échec.",
          en: "Test finished with \(failures) failing channel(s)."))
    }
    Terminal.say(
      .init(
        fr: "Test réussi : \(tested) diffusion(s) accusée(s).",
        en: "Test passed: \(tested) release(s) acknowledged."))
  }

  private func check(_ diffuser: Diffuser, endpoint: DiffuserEndpoint, channels requested: [CartridgeSlot]?)
    async throws(DiffuserError) -> (failures: Int, tested: Int)
  {
    let info = try await diffuser.connect()
    let channels = requested ?? (1...max(1, info.channelCount)).compactMap { CartridgeSlot(rawValue: $0) }
    Terminal.say(.init(fr: "Diffuseur connecté : \(endpoint)", en: "Diffuser connected: \(endpoint)"))
    Terminal.say(
      .init(
        fr: "Modèle : \(info.model), micrologiciel \(info.firmware), \(info.channelCount) canaux",
        en: "Model: \(info.model), firmware \(info.firmware), \(info.channelCount) channels"))
    let status = try await diffuser.status()
    let faulty = status.faultyChannels.map(String.init).joined(separator: ", ")
    Terminal.say(
      .init(
        fr:
          "État : \(status.activeChannels.count) canal(aux) actif(s) ; cartouches vides ou absentes : \(faulty.isEmpty ? "aucune" : faulty)",
        en:
          "Status: \(status.activeChannels.count) active channel(s); empty or missing cartridges: \(faulty.isEmpty ? "none" : faulty)"
      ))
    var failures = 0
    for (index, channel) in channels.enumerated() {
      let scent = channel.rawValue <= info.channelCount ? info.scentsByChannel[channel.rawValue - 1] : "?"
      do {
        let receipt = try await diffuser.release(
          channel: channel, scent: ScentID(scent), intensity: intensity, duration: .milliseconds(durationMilliseconds))
        let microseconds = receipt.roundTripNanoseconds / 1_000
        Terminal.say(
          .init(
            fr:
              "Canal \(channel) (\(scent)) : diffusion accusée en \(microseconds) µs, \(receipt.appliedMilliseconds) ms appliquées",
            en:
              "Channel \(channel) (\(scent)): release acknowledged in \(microseconds) µs, \(receipt.appliedMilliseconds) ms applied"
          ))
        if index < channels.count - 1 {
          try? await Task.sleep(
            for: .milliseconds(receipt.appliedMilliseconds + Self.checkLimits.minimumIntervalMilliseconds + 20))
        }
      } catch {
        switch error {
        case .rejected, .refused:
          failures += 1
          Terminal.say(
            .init(fr: "Canal \(channel) (\(scent)) : ", en: "Channel \(channel) (\(scent)): ").appending(
              error.explanation))
        default: throw error
        }
      }
    }
    return (failures, channels.count)
  }

  /// The channels asked for; nil for `all`, known once the diffuser says how many it has.
  private func parseChannels() throws -> [CartridgeSlot]? {
    guard scents != "all" else { return nil }
    return try scents.split(separator: ",").map { part in
      guard let number = Int(part.trimmingCharacters(in: .whitespaces)), let slot = CartridgeSlot(rawValue: number)
      else {
        throw CommandFailure.badInput(
          .init(
            fr: "--scents : « \(part) » n'est pas un canal entre 1 et 30 (exemple : --scents 1,2,3).",
            en: "--scents: '\(part)' is not a channel between 1 and 30 (example: --scents 1,2,3)."))
      }
      return slot
    }
  }
}

extension DiffuserTestCommand {
  private func openLog() throws -> EventLogFile? {
    guard let log else { return nil }
    guard FileManager.default.createFile(atPath: log, contents: nil), let handle = FileHandle(forWritingAtPath: log)
    else {
      throw CommandFailure.badInput(
        .init(
          fr: "--log : impossible d'écrire « \(log) » ; choisissez un dossier où vous pouvez écrire.",
          en: "--log: cannot write '\(log)'; choose a folder you can write to."))
    }
    return EventLogFile(handle: handle)
  }
}

/// The diffuser's events, one JSON object a line: type, monotonic time and payload. The
/// payloads name the transport kind, never an address.
final class EventLogFile: Sendable {
  private let handle: FileHandle

  init(handle: FileHandle) { self.handle = handle }

  func write(_ event: SessionEvent) {
    let object: [String: Any] = [
      "type": event.type.rawValue, "monotonic_ns": Int(clamping: event.monotonicNanoseconds), "payload": event.payload,
    ]
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
    handle.write(data + Data([10]))
  }
}

extension LocalizedText {
  fileprivate func appending(_ other: LocalizedText) -> LocalizedText {
    LocalizedText(fr: french + other.french, en: english + other.english)
  }
}
