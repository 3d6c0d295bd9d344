import Foundation
import SessionModel
import Synchronization

/// ConnectAge's wire protocol on one side, one or several bought diffusers on the other.
///
/// ``Diffuser`` speaks its frames to this transport exactly as to its own device, so the safety
/// governor, receipts, events and reconnection stay one code path. Each command becomes calls
/// to a ``VendorDevice``, in the order the commands came; the answers (ACK, NAK, INFO, STATUS)
/// and the end of each release are built here from what the device confirmed. When a device
/// fails (not refuses) a command, the bridge closes: the client sees the link drop and reconnects
/// through its endpoint, which opens the devices again.
public final class VendorBridgeTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  public let devices: [any VendorDevice]
  private let output: AsyncStream<[UInt8]>.Continuation
  private let commands: AsyncStream<Frame>.Continuation
  private let decoder = Mutex(FrameDecoder())
  private let state = BridgeStateBox()

  /// - Parameters:
  ///   - routes: logical channel N (1-based) is `routes[N - 1]`; nil for a slot no device serves.
  ///   - scentsByChannel: what HELLO reports per logical channel.
  ///   - keepAliveInterval: how often a heartbeat reaches the devices (the others are answered here).
  public init(
    devices: [any VendorDevice], routes: [ChannelRoute?], scentsByChannel: [String], model: String,
    firmware: String, keepAliveInterval: Duration, peer: String
  ) {
    self.devices = devices
    self.peer = peer
    (incoming, output) = AsyncStream.makeStream(of: [UInt8].self)
    let (queue, commands) = AsyncStream.makeStream(of: Frame.self)
    self.commands = commands
    let worker = BridgeWorker(
      devices: devices, routes: routes, scentsByChannel: scentsByChannel, model: model, firmware: firmware,
      keepAliveInterval: keepAliveInterval, output: output, state: state)
    Task { [weak self] in
      for await frame in queue {
        if await !worker.handle(frame) {
          self?.close()
          return
        }
      }
    }
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) {
    guard !state.withLock({ $0.isClosed }) else { throw .disconnected }
    let frames = decoder.withLock { decoder in
      decoder.append(bytes)
      var frames: [Frame] = []
      while let frame = decoder.nextFrame() { frames.append(frame) }
      return frames
    }
    for frame in frames { commands.yield(frame) }
  }

  public func close() {
    let wasClosed = state.withLock { state in
      defer { state.isClosed = true }
      return state.isClosed
    }
    guard !wasClosed else { return }
    commands.finish()
    output.finish()
    for device in devices { device.close() }
  }

  deinit { close() }
}

/// The bridge's state, shared by the transport and its worker.
final class BridgeStateBox: Sendable {
  private let mutex = Mutex(BridgeState())

  func withLock<Result: Sendable>(_ body: (inout BridgeState) -> Result) -> Result {
    mutex.withLock { body(&$0) }
  }
}

/// What the bridge remembers between commands.
struct BridgeState: Sendable {
  var isClosed = false
  /// Logical channel → monotonic nanoseconds its release ends.
  var openUntil: [Int: UInt64] = [:]
  /// Logical channels whose device reported a cartridge fault.
  var faulty: Set<Int> = []
  var releaseNumber = 0
}

/// Runs the commands one at a time, so each device gets them in the order they were issued.
actor BridgeWorker {
  let devices: [any VendorDevice]
  let routes: [ChannelRoute?]
  let scentsByChannel: [String]
  let model: String
  let firmware: String
  let keepAliveInterval: Duration
  let output: AsyncStream<[UInt8]>.Continuation
  let state: BridgeStateBox
  private var lastKeepAlive: UInt64

  init(
    devices: [any VendorDevice], routes: [ChannelRoute?], scentsByChannel: [String], model: String, firmware: String,
    keepAliveInterval: Duration, output: AsyncStream<[UInt8]>.Continuation, state: BridgeStateBox
  ) {
    self.devices = devices
    self.routes = routes
    self.scentsByChannel = scentsByChannel
    self.model = model
    self.firmware = firmware
    self.keepAliveInterval = keepAliveInterval
    self.output = output
    self.state = state
    lastKeepAlive = MonotonicClock.nanoseconds()
  }

  /// Answers one frame; false when a device failed and the link must be rebuilt.
  func handle(_ frame: Frame) async -> Bool {
    let command: HostCommand
    do {
      command = try HostCommand(frame: frame)
    } catch {
      answer(.negativeAcknowledgement(of: frame.type, code: .malformedPayload), frame.sequence)
      return true
    }
    do throws(DiffuserError) {
      try await perform(command, sequence: frame.sequence)
      return true
    } catch .rejected(let code) {
      answer(.negativeAcknowledgement(of: command.type, code: code), frame.sequence)
      return true
    } catch {
      return false
    }
  }

  private func perform(_ command: HostCommand, sequence: UInt16) async throws(DiffuserError) {
    switch command {
    case .hello:
      // Opening the bridge asked every device who it is; HELLO repeats what they said.
      answer(.info(DeviceInfo(model: model, firmware: firmware, scentsByChannel: scentsByChannel)), sequence)
    case .release(let channel, let intensity, let duration, _):
      try await release(channel: Int(channel), intensity: Int(intensity), milliseconds: Int(duration), sequence)
    case .stop(let channel):
      let logical = Int(channel)
      let concerned =
        logical == 0
        ? Array(devices.indices)
        : (routes.indices.contains(logical - 1) ? routes[logical - 1] : nil).map { [$0.device] } ?? []
      // The devices only know "stop everything": stopping one channel stops its device's others too.
      for index in concerned { try await devices[index].stopAll() }
      state.withLock { state in
        for channel in state.openUntil.keys where routes[channel - 1].map({ concerned.contains($0.device) }) ?? false {
          state.openUntil[channel] = nil
        }
      }
      answer(.acknowledgement(Acknowledgement(command: .stop)), sequence)
    case .purge:
      // Neither device has a fan-only mode: nothing runs, and the ACK says so (0 ms applied).
      answer(.acknowledgement(Acknowledgement(command: .purge, detail: .purge(appliedMilliseconds: 0))), sequence)
    case .status:
      try await keepAllAlive()
      answer(.status(currentStatus()), sequence)
    case .heartbeat:
      if MonotonicClock.nanoseconds() - lastKeepAlive >= UInt64(keepAliveInterval.components.seconds) * 1_000_000_000
        + UInt64(keepAliveInterval.components.attoseconds / 1_000_000_000)
      {
        try await keepAllAlive()
      }
      answer(.acknowledgement(Acknowledgement(command: .heartbeat)), sequence)
    }
  }

  private func release(channel: Int, intensity: Int, milliseconds: Int, _ sequence: UInt16) async throws(DiffuserError)
  {
    guard routes.indices.contains(channel - 1), let route = routes[channel - 1] else {
      throw .rejected(.channelOutOfRange)
    }
    let device = devices[route.device]
    guard (1...device.capabilities.maximumPulseMilliseconds).contains(milliseconds) else {
      throw .rejected(.durationOutOfRange)
    }
    do {
      try await device.play(channel: route.channel, intensity: intensity, milliseconds: milliseconds)
    } catch {
      if case .rejected(.cartridgeEmpty) = error { _ = state.withLock { $0.faulty.insert(channel) } }
      if case .rejected(.cartridgeMissing) = error { _ = state.withLock { $0.faulty.insert(channel) } }
      throw error
    }
    let start = MonotonicClock.nanoseconds()
    let end = start + UInt64(milliseconds) * 1_000_000
    let number = state.withLock { state in
      state.openUntil[channel] = end
      state.faulty.remove(channel)
      state.releaseNumber += 1
      return state.releaseNumber
    }
    answer(
      .acknowledgement(
        Acknowledgement(
          command: .release,
          detail: .release(appliedMilliseconds: UInt16(milliseconds), deviceStartMicroseconds: start / 1_000))),
      sequence)
    let output = output
    let state = state
    Task {
      try? await Task.sleep(for: .milliseconds(milliseconds))
      // Only this release's end: a later release of the same channel, or a stop, owns it now.
      let ended = state.withLock { state in
        guard state.openUntil[channel] == end, state.releaseNumber >= number else { return false }
        state.openUntil[channel] = nil
        return true
      }
      if ended {
        output.yield(
          DeviceMessage.notification(.releaseEnded(channel: UInt8(channel), reason: .completed)).frame(sequence: 0)
            .encoded())
      }
    }
  }

  private func keepAllAlive() async throws(DiffuserError) {
    for device in devices { try await device.keepAlive() }
    lastKeepAlive = MonotonicClock.nanoseconds()
  }

  private func currentStatus() -> DeviceStatus {
    let now = MonotonicClock.nanoseconds()
    return state.withLock { state in
      DeviceStatus(
        fanRemainingMilliseconds: 0,
        channels: routes.indices.map { index in
          let until = state.openUntil[index + 1] ?? 0
          let remaining = until > now ? min(65_535, (until - now) / 1_000_000) : 0
          return ChannelStatus(
            level: 0, isActive: until > now, isEmpty: state.faulty.contains(index + 1), isMissing: false,
            remainingMilliseconds: UInt16(remaining))
        })
    }
  }

  private func answer(_ message: DeviceMessage, _ sequence: UInt16) {
    output.yield(message.frame(sequence: sequence).encoded())
  }
}
