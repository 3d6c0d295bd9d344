import Foundation
import SessionModel

/// The device side of the wire protocol behind a real socket: a ``SimulatedDevice`` with
/// real timing, one host at a time, and injected faults.
///
///     let simulator = DiffuserSimulator(faults: SimulatorFaults(latency: .milliseconds(5)))
///     let address = try await simulator.start(listening: .unix(path: "/tmp/diffuser.sock"))
///     ... connect a Diffuser to DiffuserEndpoint.unix(path: "/tmp/diffuser.sock") ...
///     await simulator.stop()
public actor DiffuserSimulator {
  public nonisolated let activity: AsyncStream<SimulatorActivity>
  private let activityContinuation: AsyncStream<SimulatorActivity>.Continuation
  private var device: SimulatedDevice
  private let faults: SimulatorFaults
  private var random: SplitMix64
  private var listener: SocketListener?
  private var host: (any DiffuserTransport)?
  private var hostGeneration = 0
  private var framesReceived = 0
  private var hasDropped = false
  private var isStalled = false
  private var ticker: Task<Void, Never>?
  private var notificationSequence: UInt16 = 0

  public init(configuration: SimulatedDevice.Configuration = .init(), faults: SimulatorFaults = .init()) {
    device = SimulatedDevice(configuration: configuration, at: MonotonicClock.nanoseconds())
    self.faults = faults
    random = SplitMix64(seed: faults.seed)
    (activity, activityContinuation) = AsyncStream.makeStream(of: SimulatorActivity.self)
  }

  /// Starts listening and ticking; returns the address a host connects to.
  @discardableResult
  public func start(listening endpoint: ListenEndpoint) throws(DiffuserError) -> String {
    let listener = try endpoint.listen()
    self.listener = listener
    report(.listening(address: listener.address))
    let thread = Thread { [weak self] in
      while let transport = try? listener.accept() {
        guard let self else { transport.close(); return }
        Task { await self.serve(transport) }
      }
    }
    thread.name = "diffuser-simulator-accept"
    thread.start()
    ticker = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(5))
        await self?.tick()
      }
    }
    return listener.address
  }

  /// Stops listening, drops the host and ends the activity stream.
  public func stop() {
    listener?.close()
    listener = nil
    host?.close()
    host = nil
    ticker?.cancel()
    activityContinuation.finish()
  }

  /// Channels releasing right now.
  public var activeChannels: [Int] { device.activeChannels }

  private func serve(_ transport: any DiffuserTransport) async {
    host?.close()  // one host at a time, like the real device
    host = transport
    hostGeneration += 1
    let generation = hostGeneration
    report(.hostConnected)
    var decoder = FrameDecoder()
    var discarded = 0
    for await bytes in transport.incoming {
      decoder.append(bytes)
      while let frame = decoder.nextFrame() {
        await handle(frame, from: transport)
      }
      if decoder.discardedByteCount > discarded {
        report(.discardedBytes(decoder.discardedByteCount - discarded))
        discarded = decoder.discardedByteCount
      }
    }
    if generation == hostGeneration { host = nil }
    report(.hostDisconnected)
  }

  private func handle(_ frame: Frame, from transport: any DiffuserTransport) async {
    guard !isStalled else { return }
    framesReceived += 1
    if let stallAfter = faults.stallAfterFrames, framesReceived > stallAfter {
      isStalled = true
      report(.stalled)
      return
    }
    let answer: DeviceMessage
    do {
      let command = try HostCommand(frame: frame)
      report(.received(command, sequence: frame.sequence))
      if case .release = command, faults.negativeAcknowledgementRate > 0,
        Double(random.next() >> 11) / Double(1 << 53) < faults.negativeAcknowledgementRate
      {
        answer = .negativeAcknowledgement(of: .release, code: .busy)
      } else if case .release = command, faults.releaseDelay > .zero {
        let delay = faults.releaseDelay
        Task {
          try? await Task.sleep(for: delay)
          await self.answer(command, sequence: frame.sequence, to: transport)
        }
        return
      } else {
        answer = device.receive(command, at: MonotonicClock.nanoseconds())
      }
    } catch {
      answer = .negativeAcknowledgement(
        of: frame.type.isFromHost ? frame.type : .hello,
        code: frame.type.isFromHost ? .malformedPayload : .unknownCommand)
    }
    if faults.latency > .zero { try? await Task.sleep(for: faults.latency) }
    try? transport.send(answer.frame(sequence: frame.sequence).encoded())
    report(.answered(answer, sequence: frame.sequence))
    if let dropAfter = faults.dropAfterFrames, !hasDropped, framesReceived >= dropAfter {
      hasDropped = true
      report(.droppedLink)
      transport.close()
    }
  }

  /// Carries out a command received earlier and answers it now.
  private func answer(_ command: HostCommand, sequence: UInt16, to transport: any DiffuserTransport) {
    guard !isStalled else { return }
    let answer = device.receive(command, at: MonotonicClock.nanoseconds())
    try? transport.send(answer.frame(sequence: sequence).encoded())
    report(.answered(answer, sequence: sequence))
  }

  private func tick() {
    guard !isStalled else { return }
    for notification in device.advance(to: MonotonicClock.nanoseconds()) {
      notificationSequence &+= 1
      try? host?.send(DeviceMessage.notification(notification).frame(sequence: notificationSequence).encoded())
      report(.notified(notification))
    }
  }

  private func report(_ event: SimulatorActivity) {
    activityContinuation.yield(event)
  }
}
