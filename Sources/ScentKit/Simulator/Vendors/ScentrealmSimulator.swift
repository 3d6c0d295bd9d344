import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A Scentrealm 6-channel player as Bluetooth.md describes it, for tests and demonstrations:
/// answers stop (0x00), play one channel (0x02), status (0x03), UUID (0x04) and scents by channel
/// (0x0E) with the documented result flags, over a pseudo-terminal pair (the serial line) or a
/// Unix socket. It never sees a real device: docs/devices.md lists what it cannot tell.
public actor ScentrealmSimulator {
  public struct Configuration: Sendable {
    /// The vendor's scent number in each channel (12 bits each on the wire).
    public var cartridges: [Int] = [101, 102, 103, 104, 105, 106]
    public var crcOrder: CRCByteOrder = .highFirst
    public var address: UInt16 = 0x0001
    public var uuid: [UInt8] = [0x53, 0x52, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]

    public init() {}
  }

  /// The faults a Scentrealm player can show.
  public struct Faults: Sendable {
    /// Channels whose cartridge is faulty: a play fails and the status says 0x09.
    public var cartridgeFaultChannels: Set<Int> = []
    /// Runs a script of its own: every play fails and the status says "playing script 1".
    public var busy = false
    /// Stops answering (the link stays up) this long after starting: the silent disconnect of a
    /// device that went out of range or to sleep, time-compressed from an hour.
    public var silentAfter: Duration?
    /// Answers (counted from 1) whose CRC is corrupted on the way.
    public var corruptedAnswers: Set<Int> = []

    public init() {}
  }

  private let configuration: Configuration
  private let faults: Faults
  private let started = ContinuousClock.now
  private var decoder: ScentrealmFrameDecoder
  private var answers = 0
  private var state: UInt8 = ScentrealmStatus.idle
  private var playingUntil: ContinuousClock.Instant?
  private var lastFault: UInt8?
  private var listener: SocketListener?
  private var links: [any DiffuserTransport] = []
  private var heldTerminal: Int32?
  /// Every frame received, in order.
  public private(set) var received: [ScentrealmFrame] = []

  /// What the device was asked, in order, in the words ``AromaShooterSimulator/commandLog`` uses
  /// too: `play 3 5000` (channel, milliseconds), `stop`, `status`, `uuid`, `scents`.
  public var commandLog: [String] {
    received.map { frame in
      switch frame.command {
      case .playChannel where frame.data.count >= 5:
        "play \(frame.data[0]) \(frame.data[1...4].reduce(0) { $0 << 8 | Int($1) })"
      case .playChannel: "play (malformed)"
      case .stopOrReset: "stop"
      case .status: "status"
      case .deviceUUID: "uuid"
      case .scentsByChannel: "scents"
      }
    }
  }

  public init(configuration: Configuration = .init(), faults: Faults = .init()) {
    self.configuration = configuration
    self.faults = faults
    decoder = ScentrealmFrameDecoder(crcOrder: configuration.crcOrder)
  }

  /// Serves on a new pseudo-terminal pair; returns the path of the end the host opens as its serial line.
  public func startOnPseudoTerminal() throws(DiffuserError) -> String {
    // posix_openpt and friends are not visible to Swift's Glibc module: their ioctls, by number
    // (asm-generic, the same on x86_64 and arm64).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw .system(call: "open /dev/ptmx", errno: errno) }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
      let code = errno
      close(master)
      throw .system(call: "ioctl TIOCSPTLCK/TIOCGPTN", errno: code)
    }
    let path = "/dev/pts/\(number)"
    // Holding the other end open keeps the master readable while no host is connected.
    heldTerminal = open(path, O_RDWR | O_NOCTTY)
    var settings = termios()
    if let held = heldTerminal, tcgetattr(held, &settings) == 0 {
      cfmakeraw(&settings)
      tcsetattr(held, TCSANOW, &settings)
    }
    serve(TerminalTransport(descriptor: master, peer: path))
    return path
  }

  /// Serves every host that connects to `endpoint`; a BLE listener offers `profile` (the Nordic
  /// UART service of the real players). Returns its address.
  @discardableResult
  public func start(listening endpoint: ListenEndpoint, profile: GATTProfile = .nordicUART) throws(DiffuserError)
    -> String
  {
    let listener = try endpoint.listen(profile: profile)
    self.listener = listener
    let thread = Thread { [weak self] in
      while let transport = try? listener.accept() {
        guard let self else { return transport.close() }
        Task { await self.serve(transport) }
      }
    }
    thread.name = "scentrealm-simulator-accept"
    thread.start()
    return listener.address
  }

  public func stop() {
    listener?.close()
    listener = nil
    for link in links { link.close() }
    links = []
    if let heldTerminal { close(heldTerminal) }
    heldTerminal = nil
  }

  private func serve(_ link: any DiffuserTransport) {
    links.append(link)
    let stream = link.incoming
    Task { [weak self] in
      for await bytes in stream { await self?.receive(bytes, on: link) }
    }
  }

  private func receive(_ bytes: [UInt8], on link: any DiffuserTransport) {
    decoder.append(bytes)
    while let frame = decoder.nextFrame() {
      received.append(frame)
      if let silentAfter = faults.silentAfter, ContinuousClock.now - started >= silentAfter { continue }
      guard let data = answer(frame) else { continue }
      answers += 1
      var bytes = ScentrealmFrame(
        source: configuration.address, destination: frame.source, command: frame.command, data: data
      ).encoded(crcOrder: configuration.crcOrder)
      if faults.corruptedAnswers.contains(answers) { bytes[bytes.count - 2] ^= 0xFF }
      try? link.send(bytes)
    }
  }

  private func answer(_ frame: ScentrealmFrame) -> [UInt8]? {
    guard frame.destination == configuration.address || frame.destination == ScentrealmFrame.broadcast else {
      return nil
    }
    refreshState()
    switch frame.command {
    case .stopOrReset:
      playingUntil = nil
      state = ScentrealmStatus.idle
      return [0x00]
    case .playChannel:
      guard frame.data.count >= 5 else { return [0x02] }
      let channel = Int(frame.data[0])
      let milliseconds = frame.data[1...4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      if faults.busy { return [0x02] }
      guard (1...configuration.cartridges.count).contains(channel), milliseconds != 0xFFFF_FFFF else { return [0x02] }
      if faults.cartridgeFaultChannels.contains(channel) {
        lastFault = ScentrealmStatus.cartridgeFault
        return [0x02]
      }
      lastFault = nil
      state = ScentrealmStatus.firstChannelPlaying + UInt8(channel - 1)
      playingUntil = .now + .milliseconds(Int(milliseconds))
      return [0x00]
    case .status:
      let code = faults.busy ? 0x01 : lastFault ?? state
      return [code, 0, 0, 0, 0, 0, 0]
    case .deviceUUID:
      return configuration.uuid
    case .scentsByChannel:
      return ScentrealmDevice.packScentNumbers(configuration.cartridges)
    }
  }

  private func refreshState() {
    if let until = playingUntil, ContinuousClock.now >= until {
      playingUntil = nil
      state = ScentrealmStatus.idle
    }
  }
}
