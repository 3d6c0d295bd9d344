import ScentKit
import Testing

struct SimulatedDeviceTests {
  let second: UInt64 = 1_000_000_000

  @Test func releaseEndsOnTimeAndReportsIt() {
    var device = SimulatedDevice(configuration: .init(), at: 0)
    let answer = device.receive(
      .release(channel: 2, intensity: 50, durationMilliseconds: 1_500, fanBoost: false), at: 0)
    #expect(
      answer
        == .acknowledgement(
          Acknowledgement(command: .release, detail: .release(appliedMilliseconds: 1_500, deviceStartMicroseconds: 0))))
    #expect(device.advance(to: second).isEmpty)
    #expect(device.activeChannels == [2])
    #expect(device.advance(to: 2 * second) == [.releaseEnded(channel: 2, reason: .completed)])
    #expect(device.activeChannels.isEmpty)
  }

  /// A release that ended just before a command arrived is still announced: the command's own
  /// catching up on the clock used to swallow the notification, so a host whose heartbeat came
  /// before the device's next tick never heard that the release ended.
  @Test func aReleaseEndingJustBeforeACommandIsStillAnnounced() {
    var device = SimulatedDevice(configuration: .init(), at: 0)
    _ = device.receive(.release(channel: 9, intensity: 60, durationMilliseconds: 1_000, fanBoost: false), at: 0)
    #expect(device.receive(.heartbeat, at: second + 1) == .acknowledgement(Acknowledgement(command: .heartbeat)))
    #expect(device.activeChannels.isEmpty)
    #expect(device.advance(to: second + 2) == [.releaseEnded(channel: 9, reason: .completed)])
    #expect(device.advance(to: second + 3).isEmpty)
  }

  @Test func deviceCapsEveryReleaseAtTenSeconds() {
    var device = SimulatedDevice(configuration: .init(), at: 0)
    let answer = device.receive(
      .release(channel: 1, intensity: 10, durationMilliseconds: 60_000, fanBoost: false), at: 0)
    #expect(
      answer
        == .acknowledgement(
          Acknowledgement(command: .release, detail: .release(appliedMilliseconds: 10_000, deviceStartMicroseconds: 0)))
    )
    _ = device.receive(.heartbeat, at: 2 * second)
    _ = device.receive(.heartbeat, at: 4 * second)
    _ = device.receive(.heartbeat, at: 6 * second)
    _ = device.receive(.heartbeat, at: 8 * second)
    #expect(device.advance(to: 10 * second) == [.releaseEnded(channel: 1, reason: .capped)])
  }

  @Test func watchdogStopsEverythingWithoutHeartbeat() {
    var device = SimulatedDevice(configuration: .init(), at: 0)
    _ = device.receive(.release(channel: 7, intensity: 10, durationMilliseconds: 9_000, fanBoost: true), at: 0)
    #expect(device.advance(to: 3 * second).isEmpty)
    #expect(
      device.advance(to: 3 * second + 1) == [
        .releaseEnded(channel: 7, reason: .watchdog), .fault(channel: 0, code: .watchdogTripped),
      ])
    #expect(device.status(at: 4 * second).fanRemainingMilliseconds == 0)
  }

  @Test(
    arguments: [
      (
        "channel 0", HostCommand.release(channel: 0, intensity: 10, durationMilliseconds: 100, fanBoost: false),
        RejectionCode.channelOutOfRange
      ),
      (
        "channel 31", .release(channel: 31, intensity: 10, durationMilliseconds: 100, fanBoost: false),
        .channelOutOfRange
      ),
      (
        "intensity 101", .release(channel: 1, intensity: 101, durationMilliseconds: 100, fanBoost: false),
        .intensityOutOfRange
      ),
      (
        "zero duration", .release(channel: 1, intensity: 10, durationMilliseconds: 0, fanBoost: false),
        .durationOutOfRange
      ),
      (
        "empty cartridge", .release(channel: 5, intensity: 10, durationMilliseconds: 100, fanBoost: false),
        .cartridgeEmpty
      ),
      (
        "missing cartridge", .release(channel: 6, intensity: 10, durationMilliseconds: 100, fanBoost: false),
        .cartridgeMissing
      ),
      ("future protocol", .hello(protocolVersion: 9), .unsupportedVersion),
    ] as [(String, HostCommand, RejectionCode)])
  func invalidCommandsAreRefused(_ name: String, command: HostCommand, code: RejectionCode) {
    var configuration = SimulatedDevice.Configuration()
    configuration.emptyChannels = [5]
    configuration.scentsByChannel[5] = ""
    var device = SimulatedDevice(configuration: configuration, at: 0)
    #expect(device.receive(command, at: 0) == .negativeAcknowledgement(of: command.type, code: code), "\(name)")
    #expect(device.activeChannels.isEmpty)
  }

  @Test func cartridgeEmptiesWhileReleasing() {
    var configuration = SimulatedDevice.Configuration()
    configuration.drainPercentPerSecond = 40
    var device = SimulatedDevice(configuration: configuration, at: 0)
    _ = device.receive(.release(channel: 3, intensity: 100, durationMilliseconds: 5_000, fanBoost: false), at: 0)
    #expect(device.advance(to: 2 * second).isEmpty)
    #expect(
      device.advance(to: 3 * second) == [
        .releaseEnded(channel: 3, reason: .cartridgeEmpty), .fault(channel: 3, code: .cartridgeEmpty),
      ])
    #expect(device.status(at: 3 * second).faultyChannels == [3])
  }
}
