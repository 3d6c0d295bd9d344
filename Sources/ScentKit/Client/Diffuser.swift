import Foundation
import SessionModel

/// The host side of one diffuser: commands with acknowledgements, heartbeat, automatic
/// reconnection, the safety governor, and a ``SessionEvent`` for everything that happens.
///
/// Every release passes the ``SafetyGovernor`` first; a refusal throws
/// ``DiffuserError/refused(_:)`` and nothing is sent. Call ``shutdown()`` at session end:
/// it stops every channel before closing. If the host dies instead, the device's own
/// watchdog stops everything a few seconds after the last heartbeat.
public actor Diffuser {
  public nonisolated let endpoint: DiffuserEndpoint
  public nonisolated let session: SessionID
  /// Every command, acknowledgement, refusal, fault and link change, in order.
  public nonisolated let events: AsyncStream<SessionEvent>
  private let eventContinuation: AsyncStream<SessionEvent>.Continuation
  private let eventSink: (@Sendable (SessionEvent) -> Void)?
  private let configuration: DiffuserConfiguration
  private let clock: @Sendable () -> UInt64
  private var governor: SafetyGovernor

  private var transport: (any DiffuserTransport)?
  private var generation = 0
  private var isShutDown = false
  private var nextSequence: UInt16 = 0
  private var pending: [UInt16: PendingCommand] = [:]
  /// Releases whose command timed out, by sequence: a late ACK still means the device released.
  private var unanswered: [UInt16: UnansweredRelease] = [:]
  private let lateReceiptSink: (@Sendable (ReleaseReceipt) -> Void)?
  private var consecutiveTimeouts = 0
  private var heartbeat: Task<Void, Never>?
  private var reconnection: Task<Void, Never>?
  private var purges: [Task<Void, Never>] = []

  /// - Parameters:
  ///   - clock: monotonic nanoseconds; the governor and the receipts use it.
  ///   - history: releases already made in this session (by an interrupted run of it), on `clock`:
  ///     the intervals and budgets count them.
  ///   - eventSink: called for every event as well as the ``events`` stream, e.g. to log to the Store.
  ///   - lateReceiptSink: called when a release whose command timed out is acknowledged after all:
  ///     the device did release, later than the caller was told.
  public init(
    endpoint: DiffuserEndpoint, session: SessionID, limits: ScentSafetyLimits = .standard,
    history: [SafetyGovernor.PastRelease] = [], configuration: DiffuserConfiguration = .init(),
    clock: @escaping @Sendable () -> UInt64 = { MonotonicClock.nanoseconds() },
    eventSink: (@Sendable (SessionEvent) -> Void)? = nil,
    lateReceiptSink: (@Sendable (ReleaseReceipt) -> Void)? = nil
  ) {
    self.endpoint = endpoint
    self.session = session
    self.configuration = configuration
    self.clock = clock
    self.eventSink = eventSink
    self.lateReceiptSink = lateReceiptSink
    governor = SafetyGovernor(limits: limits, history: history, device: endpoint.capabilities)
    (events, eventContinuation) = AsyncStream.makeStream(of: SessionEvent.self)
  }

  public var isConnected: Bool { transport != nil }
  /// Releases and open time used so far in this session.
  public var safetyHistory: SafetyGovernor { governor }

  // MARK: Link

  /// Connects, greets the device and starts the heartbeat. Returns what the device is.
  ///
  /// A device that cannot be reached is reported, and then sought as a lost link is, until it
  /// answers or ``shutdown()``: one switched on after the session started is used from then on.
  @discardableResult
  public func connect() async throws(DiffuserError) -> DeviceInfo {
    guard !isShutDown else { throw .closed }
    startHeartbeat()
    do {
      try await open()
    } catch {
      emit(.linkFailed(transport: endpoint.kind, error: error.code))
      reconnection?.cancel()
      reconnection = Task { [weak self] in await self?.reconnect() }
      throw error
    }
    return try await info()
  }

  /// Stops every channel (best effort), then closes the link for good.
  public func shutdown() async {
    guard !isShutDown else { return }
    if transport != nil { try? await stopAll() }
    isShutDown = true
    heartbeat?.cancel()
    reconnection?.cancel()
    purges.forEach { $0.cancel() }
    transport?.close()
    transport = nil
    failPending { _ in .closed }
    emit(.linkClosed(transport: endpoint.kind))
    eventContinuation.finish()
  }

  // MARK: Commands

  public func info() async throws(DiffuserError) -> DeviceInfo {
    switch try await request(.hello(protocolVersion: Frame.protocolVersion)) {
    case .info(let info):
      emit(.deviceInfo(model: info.model, firmware: info.firmware, channels: Int(info.channelCount)))
      return info
    case .negativeAcknowledgement(_, let code): throw rejected(code, ["command": "hello"])
    case let other: throw .protocolViolation("HELLO answered with \(other.summary)")
    }
  }

  public func status() async throws(DiffuserError) -> DeviceStatus {
    switch try await request(.status) {
    case .status(let status):
      for channel in status.faultyChannels {
        let fault = status.channels[channel - 1].isMissing ? FaultCode.cartridgeMissing : .cartridgeEmpty
        emit(.fault(channel: "\(channel)", fault: fault.description, source: "status"))
      }
      return status
    case .negativeAcknowledgement(_, let code): throw rejected(code, ["command": "status"])
    case let other: throw .protocolViolation("STATUS answered with \(other.summary)")
    }
  }

  /// Releases `scent` from its cartridge. Waits for the device's ACK.
  public func release(_ scent: Scent, intensity: Int, duration: Duration) async throws(DiffuserError) -> ReleaseReceipt
  {
    try await release(channel: scent.slot, scent: scent.id, intensity: intensity, duration: duration, at: nil)
  }

  /// Releases `scent` at a monotonic time (nanoseconds): the command is written as close
  /// to `deadline` as the scheduler allows, so the scent reaches the table with its image.
  public func release(
    _ scent: Scent, intensity: Int, duration: Duration, at deadline: UInt64
  ) async throws(DiffuserError) -> ReleaseReceipt {
    try await release(channel: scent.slot, scent: scent.id, intensity: intensity, duration: duration, at: deadline)
  }

  /// Releases `scent` the session's lead time before its image appears (monotonic
  /// nanoseconds), so that the scent reaches the table with the picture.
  public func release(
    _ scent: Scent, intensity: Int, duration: Duration, aheadOfImageAt imageNanoseconds: UInt64
  ) async throws(DiffuserError) -> ReleaseReceipt {
    let lead = UInt64(max(0, governor.limits.leadTimeMilliseconds)) * 1_000_000
    let deadline = imageNanoseconds > lead ? imageNanoseconds - lead : 0
    return try await release(
      channel: scent.slot, scent: scent.id, intensity: intensity, duration: duration, at: deadline)
  }

  /// Releases whatever cartridge sits in `channel` (device checks and maintenance).
  public func release(
    channel: CartridgeSlot, scent: ScentID? = nil, intensity: Int, duration: Duration, at deadline: UInt64? = nil
  ) async throws(DiffuserError) -> ReleaseReceipt {
    let milliseconds = Int(
      duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000)
    var logged = DiffuserRelease(
      channel: channel, scent: scent, intensity: intensity, durationMilliseconds: milliseconds)
    // Checked and encoded ahead of a deadline, so only the write remains at the due time.
    let now = max(deadline ?? 0, clock())
    if let refusal = governor.refusal(
      channel: channel, intensity: intensity, durationMilliseconds: milliseconds, at: now)
    {
      emit(.releaseRefused(logged, reason: refusal.code, message: refusal.explanation.french))
      throw .refused(refusal)
    }
    governor.record(channel: channel, durationMilliseconds: milliseconds, at: now)
    let command = HostCommand.release(
      channel: UInt8(channel.rawValue), intensity: UInt8(intensity), durationMilliseconds: UInt16(milliseconds),
      fanBoost: configuration.fanBoost)
    let answer: DeviceMessage
    let sequence: UInt16
    let written: UInt64
    var sent: (sequence: UInt16, at: UInt64)?
    do {
      (answer, sequence, written) = try await exchange(command, notBefore: deadline) { sequence in
        logged.sequence = Int(sequence)
        self.emit(.releaseSent(logged))
        sent = (sequence, self.clock())
      }
    } catch {
      // Only a release that never left is forgotten: one sent may be running on the device.
      if sent == nil { governor.forget(channel: channel, at: now) }
      if case .timeout = error, let sent {
        unanswered[sent.sequence] = UnansweredRelease(
          channel: channel, scent: scent, intensity: intensity, requestedMilliseconds: milliseconds,
          scheduledNanoseconds: deadline ?? sent.at, writtenNanoseconds: sent.at, logged: logged, governedAt: now)
      }
      throw error
    }
    switch answer {
    case .acknowledgement:
      return try acknowledge(
        answer,
        of: UnansweredRelease(
          channel: channel, scent: scent, intensity: intensity, requestedMilliseconds: milliseconds,
          scheduledNanoseconds: deadline ?? written, writtenNanoseconds: written, logged: logged, governedAt: now),
        sequence: sequence)
    case .negativeAcknowledgement(_, let code):
      governor.forget(channel: channel, at: now)
      throw rejected(code, logged.details)
    case let other:
      throw .protocolViolation("RELEASE answered with \(other.summary)")
    }
  }

  /// The receipt of an acknowledged release, logged, with the purge after it scheduled.
  private func acknowledge(
    _ answer: DeviceMessage, of release: UnansweredRelease, sequence: UInt16, isLate: Bool = false
  ) throws(DiffuserError) -> ReleaseReceipt {
    let acknowledged = clock()
    guard case .acknowledgement(let ack) = answer, case .release(let applied, let deviceStart) = ack.detail else {
      throw .protocolViolation("RELEASE answered with \(answer.summary)")
    }
    let written = release.writtenNanoseconds
    let start = written + (acknowledged - written) / 2
    let receipt = ReleaseReceipt(
      channel: release.channel, scent: release.scent, sequence: sequence, intensity: release.intensity,
      requestedMilliseconds: release.requestedMilliseconds, appliedMilliseconds: Int(applied),
      scheduledNanoseconds: release.scheduledNanoseconds, writtenNanoseconds: written,
      acknowledgedNanoseconds: acknowledged, startNanoseconds: start,
      endNanoseconds: start + UInt64(applied) * 1_000_000, deviceStartMicroseconds: deviceStart)
    emit(
      .releaseAcknowledged(
        release.logged,
        ReleaseAcknowledgement(
          appliedMilliseconds: Int(applied), startNanoseconds: receipt.startNanoseconds,
          endNanoseconds: receipt.endNanoseconds, roundTripNanoseconds: receipt.roundTripNanoseconds,
          late: isLate ? true : nil)))
    schedulePurge(after: receipt.endNanoseconds)
    return receipt
  }

  /// The answer to a release that had timed out: an ACK is a release after all, a NAK frees its budget.
  private func answerArrivedLate(_ message: DeviceMessage, to release: UnansweredRelease, sequence: UInt16) {
    switch message {
    case .acknowledgement:
      guard let receipt = try? acknowledge(message, of: release, sequence: sequence, isLate: true) else {
        emit(.answerLate(sequence: Int(sequence), message: message.summary))
        return
      }
      lateReceiptSink?(receipt)
    case .negativeAcknowledgement(_, let code):
      governor.forget(channel: release.channel, at: release.governedAt)
      var details = release.logged.details
      details["late"] = "true"
      _ = rejected(code, details)
    default:
      emit(.answerLate(sequence: Int(sequence), message: message.summary))
    }
  }

  public func stop(_ slot: CartridgeSlot) async throws(DiffuserError) {
    try await expectAcknowledgement(.stop(channel: UInt8(slot.rawValue)), stopping: "\(slot)")
  }

  public func stopAll() async throws(DiffuserError) {
    try await expectAcknowledgement(.stop(channel: HostCommand.allChannels), stopping: "all")
  }

  /// Runs the fan alone to clear the air; returns the duration the device applied.
  @discardableResult
  public func purge(for duration: Duration) async throws(DiffuserError) -> Duration {
    let milliseconds = min(
      65_535, Int(duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000))
    let details = ["duration_ms": "\(milliseconds)"]
    let (answer, _, _) = try await exchange(.purge(durationMilliseconds: UInt16(milliseconds))) { _ in
      self.emit(.purgeSent(durationMilliseconds: milliseconds))
    }
    switch answer {
    case .acknowledgement(let ack):
      guard case .purge(let applied) = ack.detail else {
        throw .protocolViolation("PURGE answered with \(answer.summary)")
      }
      emit(.purgeAcknowledged(durationMilliseconds: milliseconds, appliedMilliseconds: Int(applied)))
      return .milliseconds(Int(applied))
    case .negativeAcknowledgement(_, let code): throw rejected(code, details)
    case let other: throw .protocolViolation("PURGE answered with \(other.summary)")
    }
  }

  // MARK: Requests and answers

  /// Sends a stop of `channel` (a number or `all`) and waits for its acknowledgement.
  private func expectAcknowledgement(_ command: HostCommand, stopping channel: String) async throws(DiffuserError) {
    let details = ["channel": channel]
    let (answer, _, _) = try await exchange(command) { _ in self.emit(.stopSent(channel: channel)) }
    switch answer {
    case .acknowledgement(let ack) where ack.command == command.type:
      emit(.stopAcknowledged(channel: channel))
    case .negativeAcknowledgement(_, let code): throw rejected(code, details)
    case let other: throw .protocolViolation("\(command.type) answered with \(other.summary)")
    }
  }

  private func request(_ command: HostCommand) async throws(DiffuserError) -> DeviceMessage {
    try await exchange(command) { _ in }.0
  }

  /// Sends one command and waits for the answer with the same sequence number.
  /// `willSend` runs just before the write, so the "sent" event precedes the bytes.
  private func exchange(
    _ command: HostCommand, notBefore deadline: UInt64? = nil, willSend: (UInt16) -> Void
  ) async throws(DiffuserError) -> (DeviceMessage, UInt16, UInt64) {
    guard !isShutDown else { throw .closed }
    nextSequence &+= 1
    let sequence = nextSequence
    let bytes = command.frame(sequence: sequence).encoded()
    if let deadline { await wait(until: deadline) }
    guard let transport else { throw .disconnected }
    willSend(sequence)
    var written: UInt64 = 0
    let result: Result<DeviceMessage, DiffuserError> = await withCheckedContinuation { continuation in
      pending[sequence] = PendingCommand(type: command.type, continuation: continuation)
      written = clock()
      do throws(DiffuserError) {
        try transport.send(bytes)
      } catch {
        pending[sequence] = nil
        continuation.resume(returning: .failure(error))
        return
      }
      let timeout = configuration.commandTimeout
      Task { [weak self] in
        try? await Task.sleep(for: timeout)
        await self?.expire(sequence, command.type)
      }
    }
    return (try result.get(), sequence, written)
  }

  private func expire(_ sequence: UInt16, _ type: MessageType) {
    guard let command = pending.removeValue(forKey: sequence) else { return }
    command.continuation.resume(returning: .failure(.timeout(type)))
    emit(.timeout(command: "\(type)", sequence: Int(sequence)))
    consecutiveTimeouts += 1
    if consecutiveTimeouts >= configuration.timeoutsBeforeReconnect, let transport {
      consecutiveTimeouts = 0
      transport.close()  // the reader sees the end and starts reconnecting
    }
  }

  private func receive(_ frame: Frame, generation: Int) {
    let message: DeviceMessage
    do {
      message = try DeviceMessage(frame: frame)
    } catch {
      emit(.protocolError(sequence: Int(frame.sequence), error: "\(error)"))
      return
    }
    if case .notification(let notification) = message {
      switch notification {
      case .releaseEnded(let channel, let reason):
        emit(.releaseEnded(channel: "\(channel)", reason: reason.description))
      case .fault(let channel, let code):
        emit(.fault(channel: channel == 0 ? "device" : "\(channel)", fault: code.description, source: nil))
      }
      return
    }
    consecutiveTimeouts = 0
    if let command = pending.removeValue(forKey: frame.sequence) {
      command.continuation.resume(returning: .success(message))
    } else if let release = unanswered.removeValue(forKey: frame.sequence) {
      answerArrivedLate(message, to: release, sequence: frame.sequence)
    } else {
      emit(.answerLate(sequence: Int(frame.sequence), message: message.summary))
    }
  }

  private func rejected(_ code: RejectionCode, _ details: [String: String]) -> DiffuserError {
    emit(.commandRejected(code: "\(code)", message: code.explanation.french, details: details))
    if code == .cartridgeEmpty || code == .cartridgeMissing {
      emit(
        .fault(
          channel: details["channel"] ?? "?", fault: code == .cartridgeEmpty ? "cartridge-empty" : "cartridge-missing",
          source: nil))
    }
    return .rejected(code)
  }

  // MARK: Connection life

  private func open() async throws(DiffuserError) {
    let transport = try await endpoint.connect()
    install(transport)
  }

  private func install(_ transport: any DiffuserTransport) {
    // A reconnection can finish after shutdown(): nobody would ever close that link.
    guard !isShutDown else {
      transport.close()
      return
    }
    self.transport = transport
    generation += 1
    let generation = generation
    consecutiveTimeouts = 0
    emit(.linkConnected(transport: endpoint.kind))
    Task { [weak self] in
      var decoder = FrameDecoder()
      for await bytes in transport.incoming {
        decoder.append(bytes)
        while let frame = decoder.nextFrame() { await self?.receive(frame, generation: generation) }
      }
      await self?.linkLost(generation: generation, discarded: decoder.discardedByteCount)
    }
  }

  private func linkLost(generation: Int, discarded: Int) {
    guard generation == self.generation, !isShutDown else { return }
    transport = nil
    failPending { .answerLost($0) }
    // Answers to the old link's commands will never come.
    unanswered = [:]
    emit(.linkLost(transport: endpoint.kind, discardedBytes: discarded))
    reconnection = Task { [weak self] in await self?.reconnect() }
  }

  private func reconnect() async {
    var attempt = 0
    while !isShutDown && transport == nil {
      let delay = configuration.reconnectBackoff[min(attempt, configuration.reconnectBackoff.count - 1)]
      attempt += 1
      try? await Task.sleep(for: delay)
      guard !Task.isCancelled, !isShutDown else { return }
      emit(.linkReconnecting(attempt: attempt))
      do {
        try await open()
      } catch {
        continue
      }
    }
  }

  private func startHeartbeat() {
    heartbeat?.cancel()
    let interval = configuration.heartbeatInterval
    heartbeat = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: interval)
        guard let self, await self.isConnected else { continue }
        _ = try? await self.request(.heartbeat)
      }
    }
  }

  private func schedulePurge(after end: UInt64) {
    let milliseconds = governor.limits.purgeMilliseconds
    guard milliseconds > 0 else { return }
    purges.removeAll { $0.isCancelled }
    purges.append(
      Task { [weak self] in
        guard let self else { return }
        await self.wait(until: end)
        guard !Task.isCancelled else { return }
        _ = try? await self.purge(for: .milliseconds(milliseconds))
      })
  }

  /// Sleeps until 2 ms before a monotonic deadline, then spins: `Task.sleep` alone
  /// overshoots by a timer slack and a scheduling delay, which would delay the scent.
  /// The spin does not suspend, so no other actor work can slip in before the write.
  private func wait(until deadline: UInt64) async {
    let now = clock()
    if deadline > now + 2_000_000 {
      try? await Task.sleep(for: .nanoseconds(Int64(deadline - now - 2_000_000)))
    }
    while clock() < deadline {}
  }

  private func failPending(with error: (MessageType) -> DiffuserError) {
    let waiting = pending
    pending = [:]
    for command in waiting.values { command.continuation.resume(returning: .failure(error(command.type))) }
  }

  private func emit(_ event: ScentLogEvent) {
    let event = SessionEvent(session: session, monotonicNanoseconds: clock(), wallClock: Date(), .scent(event))
    eventContinuation.yield(event)
    eventSink?(event)
  }
}

/// A command written to the device and waiting for its answer.
private struct PendingCommand {
  var type: MessageType
  var continuation: CheckedContinuation<Result<DeviceMessage, DiffuserError>, Never>
}

/// What a receipt needs about a release sent and not yet answered.
private struct UnansweredRelease {
  var channel: CartridgeSlot
  var scent: ScentID?
  var intensity: Int
  var requestedMilliseconds: Int
  var scheduledNanoseconds: UInt64
  var writtenNanoseconds: UInt64
  /// The release as the log names it, with its sequence number.
  var logged: DiffuserRelease
  /// The time the governor recorded it at, to forget it if the device refuses after all.
  var governedAt: UInt64
}

extension DiffuserRelease {
  /// The release's keys as the log stores them: what a refused command's event repeats.
  var details: [String: String] { LoggedEvent.scent(.releaseSent(self)).payload }
}
