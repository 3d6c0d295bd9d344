import Foundation

/// A Scentrealm player over any byte link (serial line, BLE Nordic UART, a test socket),
/// driven with the commands of Bluetooth.md: play one channel for a duration (never the
/// endless `FFFFFFFF`), stop, status, UUID and the scent number of each channel.
public final class ScentrealmDevice: VendorDevice {
  public let settings: ScentrealmSettings
  public let kind: String
  public var capabilities: DeviceCapabilities { .scentrealm(channels: settings.channels) }
  private let link: any DiffuserTransport
  private let exchange: ScentrealmExchange

  public init(link: any DiffuserTransport, settings: ScentrealmSettings, kind: String) {
    self.link = link
    self.settings = settings
    self.kind = kind
    exchange = ScentrealmExchange(link: link, settings: settings)
  }

  public func identify() async throws(DiffuserError) -> VendorIdentity {
    let uuid = try await request(.deviceUUID)
    let scents = try await request(.scentsByChannel, data: [UInt8(settings.channels)])
    return VendorIdentity(
      model: "Scentrealm", firmware: uuid.data.map { String(format: "%02X", $0) }.joined(),
      cartridges: Self.unpackScentNumbers(scents.data, count: settings.channels))
  }

  public func play(channel: Int, intensity: Int, milliseconds: Int) async throws(DiffuserError) {
    // 0xFFFFFFFF means "forever" to the device: nothing longer than the declared pulse leaves here.
    guard (1...capabilities.maximumPulseMilliseconds).contains(milliseconds), milliseconds < 0xFFFF_FFFF else {
      throw .rejected(.durationOutOfRange)
    }
    guard (1...settings.channels).contains(channel) else { throw .rejected(.channelOutOfRange) }
    let duration = UInt32(milliseconds)
    let answer = try await request(
      .playChannel,
      data: [
        UInt8(channel), UInt8(duration >> 24), UInt8(duration >> 16 & 0xFF), UInt8(duration >> 8 & 0xFF),
        UInt8(duration & 0xFF),
      ])
    // The play answer's flag: 0x00 success, 0x01 completed; anything else is a failure whose
    // reason only the status tells.
    guard let flag = answer.data.first else { throw .protocolViolation("Scentrealm play answer without a flag") }
    guard flag > 0x01 else { return }
    throw .rejected(try await failureReason())
  }

  public func stopAll() async throws(DiffuserError) {
    let answer = try await request(.stopOrReset, data: [0x00])
    guard answer.data.first == 0x00 else { throw .rejected(.deviceFault) }
  }

  public func keepAlive() async throws(DiffuserError) { _ = try await request(.status) }

  public func close() { link.close() }

  /// Why the device refused: its status code (0x09 cartridge fault, a channel or script playing, 0xFF error).
  private func failureReason() async throws(DiffuserError) -> RejectionCode {
    let status = try await request(.status)
    switch status.data.first {
    case ScentrealmStatus.cartridgeFault: return .cartridgeEmpty
    case .some(1...13): return .busy
    default: return .deviceFault
    }
  }

  private func request(_ command: ScentrealmCommand, data: [UInt8] = []) async throws(DiffuserError)
    -> ScentrealmFrame
  {
    let frame = ScentrealmFrame(
      source: settings.hostAddress, destination: settings.deviceAddress, command: command, data: data)
    return try await exchange.send(frame)
  }

  /// The 12-bit scent numbers of `count` channels, packed three hex digits each (Bluetooth.md, 0x0E).
  public static func unpackScentNumbers(_ data: [UInt8], count: Int) -> [Int]? {
    guard data.count * 2 >= count * 3 else { return nil }
    let nibbles = data.flatMap { [Int($0 >> 4), Int($0 & 0x0F)] }
    return (0..<count).map { index in nibbles[index * 3] << 8 | nibbles[index * 3 + 1] << 4 | nibbles[index * 3 + 2] }
  }

  /// The inverse of ``unpackScentNumbers(_:count:)`` (a trailing half byte is zero).
  public static func packScentNumbers(_ numbers: [Int]) -> [UInt8] {
    var nibbles = numbers.flatMap { [UInt8($0 >> 8 & 0xF), UInt8($0 >> 4 & 0xF), UInt8($0 & 0xF)] }
    if nibbles.count % 2 == 1 { nibbles.append(0) }
    return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
  }
}

/// Device states of the status answer (0x03) ConnectAge acts on.
public enum ScentrealmStatus {
  public static let idle: UInt8 = 0x00
  /// 0x07 … 0x0C: channel 1 … 6 playing.
  public static let firstChannelPlaying: UInt8 = 0x07
  public static let cartridgeFault: UInt8 = 0x09
  public static let otherError: UInt8 = 0xFF
}

/// One request at a time on the link, each waiting for the answer with the same command code.
actor ScentrealmExchange {
  private let link: any DiffuserTransport
  private let settings: ScentrealmSettings
  private var decoder: ScentrealmFrameDecoder
  private var waiting: (command: ScentrealmCommand, continuation: CheckedContinuation<ScentrealmFrame?, Never>)?
  private var isLost = false
  private var attempt = 0

  init(link: any DiffuserTransport, settings: ScentrealmSettings) {
    self.link = link
    self.settings = settings
    decoder = ScentrealmFrameDecoder(crcOrder: settings.crcOrder)
    let stream = link.incoming
    Task { [weak self] in
      for await bytes in stream { await self?.received(bytes) }
      await self?.lost()
    }
  }

  /// Writes `frame` and waits for its answer. A silent device times out: the caller treats the
  /// link as lost (a frame corrupted on the way is dropped by the decoder and times out the same).
  func send(_ frame: ScentrealmFrame) async throws(DiffuserError) -> ScentrealmFrame {
    guard !isLost else { throw .disconnected }
    attempt += 1
    let current = attempt
    let timeout = settings.answerTimeout
    let answer: ScentrealmFrame? = await withCheckedContinuation { continuation in
      waiting = (frame.command, continuation)
      do throws(DiffuserError) {
        try link.send(frame.encoded(crcOrder: settings.crcOrder))
      } catch {
        waiting = nil
        continuation.resume(returning: nil)
        return
      }
      Task { [weak self] in
        try? await Task.sleep(for: timeout)
        await self?.expire(current)
      }
    }
    guard let answer else { throw isLost ? .disconnected : .timeout(.status) }
    return answer
  }

  private func received(_ bytes: [UInt8]) {
    decoder.append(bytes)
    while let frame = decoder.nextFrame() {
      guard let pending = waiting, pending.command == frame.command else { continue }
      waiting = nil
      pending.continuation.resume(returning: frame)
    }
  }

  private func expire(_ number: Int) {
    guard number == attempt, let pending = waiting else { return }
    waiting = nil
    pending.continuation.resume(returning: nil)
  }

  private func lost() {
    isLost = true
    waiting?.continuation.resume(returning: nil)
    waiting = nil
  }
}
