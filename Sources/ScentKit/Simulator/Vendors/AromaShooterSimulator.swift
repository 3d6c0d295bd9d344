import Foundation

/// An Aroma Shooter 2's HTTP API (`aromajoin/controller-http-api`) on loopback, for tests and
/// demonstrations: `/as2/diffuse`, `/as2/stop_all`, `/as2/firmware`, with the device's faults.
public actor AromaShooterSimulator {
  public struct Faults: Sendable {
    /// Answers to `/as2/diffuse` (counted from 1) that fail with this HTTP status instead.
    public var failingDiffusions: [Int: Int] = [:]
    /// Leaves the network after this long without a request (an hour on the device, compressed):
    /// connections are refused from then on.
    public var idleDisconnectAfter: Duration?

    public init() {}
  }

  /// One request as the simulator saw it.
  public struct Request: Hashable, Sendable {
    public var method: String
    public var path: String
    public var body: String
  }

  private let faults: Faults
  private let firmware: String
  private var listener: SocketListener?
  private var lastRequest = ContinuousClock.now
  private var diffusions = 0
  private var watchdog: Task<Void, Never>?
  public private(set) var requests: [Request] = []

  /// What the device was asked, in order, in the words ``ScentrealmSimulator/commandLog`` uses:
  /// `play 3 5000` (the first channel and its duration; ` no-booster` when the booster was off,
  /// so nothing came out), `stop`, `status` (any other request).
  public var commandLog: [String] {
    requests.map { request in
      switch request.path {
      case "/as2/diffuse":
        let body = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
        let channel = (body?["channels"] as? [Int])?.first ?? 0
        let duration = (body?["durations"] as? [Int])?.first ?? 0
        let booster = body?["booster"] as? Bool ?? false
        return "play \(channel) \(duration)\(booster ? "" : " no-booster")"
      case "/as2/stop_all": return "stop"
      default: return "status"
      }
    }
  }
  public private(set) var hasLeftNetwork = false

  public init(firmware: String = "2.1.0", faults: Faults = .init()) {
    self.firmware = firmware
    self.faults = faults
  }

  /// Listens on 127.0.0.1 (`port` 0 picks one); returns the port.
  public func start(port: UInt16 = 0) throws(DiffuserError) -> UInt16 {
    let listener = try ListenEndpoint.tcp(port: port).listen()
    self.listener = listener
    lastRequest = .now
    let thread = Thread { [weak self] in
      while let transport = try? listener.accept() {
        guard let self else { return transport.close() }
        Task { await self.serve(transport) }
      }
    }
    thread.name = "aromashooter-simulator-accept"
    thread.start()
    if let idle = faults.idleDisconnectAfter {
      watchdog = Task { [weak self] in
        while !Task.isCancelled {
          try? await Task.sleep(for: .milliseconds(20))
          guard let self, await self.checkIdle(idle) else { continue }
          return
        }
      }
    }
    return UInt16(listener.address.split(separator: ":").last.flatMap { UInt16($0) } ?? 0)
  }

  public func stop() {
    watchdog?.cancel()
    listener?.close()
    listener = nil
  }

  private func checkIdle(_ idle: Duration) -> Bool {
    guard ContinuousClock.now - lastRequest >= idle else { return false }
    hasLeftNetwork = true
    listener?.close()
    listener = nil
    return true
  }

  private func serve(_ transport: any DiffuserTransport) async {
    var buffer: [UInt8] = []
    for await bytes in transport.incoming {
      buffer += bytes
      guard let request = Self.request(in: buffer) else { continue }
      let (status, body) = answer(request)
      let text =
        "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\nContent-Type: application/json\r\n"
        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
      try? transport.send(Array(text.utf8))
      transport.close()
      return
    }
  }

  private func answer(_ request: Request) -> (Int, String) {
    requests.append(request)
    lastRequest = .now
    switch (request.method, request.path) {
    case ("GET", "/as2/firmware"):
      return (200, #"{"current":"\#(firmware)","latest":"\#(firmware)","internet":"false"}"#)
    case ("POST", "/as2/stop_all"):
      return (200, #"{"serial":"ASN2SIM001","status":"done"}"#)
    case ("POST", "/as2/diffuse"):
      diffusions += 1
      if let status = faults.failingDiffusions[diffusions] { return (status, #"{"status":"error"}"#) }
      guard let body = try? JSONDecoder().decode(AromaShooterDevice.Diffusion.self, from: Data(request.body.utf8)),
        body.channels.count == body.intensities.count, body.channels.count == body.durations.count,
        body.channels.allSatisfy({ (1...6).contains($0) }), body.intensities.allSatisfy({ (0...100).contains($0) }),
        body.durations.allSatisfy({ (0...10_000).contains($0) })
      else { return (400, #"{"status":"bad request"}"#) }
      return (200, #"{"status":"done"}"#)
    default:
      return (404, #"{"status":"not found"}"#)
    }
  }

  /// A complete request in `buffer` (header and `Content-Length` bytes of body), or nil.
  static func request(in buffer: [UInt8]) -> Request? {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard buffer.count >= 4,
      let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<$0 + 4]) == separator }),
      let head = String(bytes: buffer[..<end], encoding: .utf8)
    else { return nil }
    let lines = head.split(separator: "\r\n")
    let parts = lines.first?.split(separator: " ") ?? []
    guard parts.count >= 2 else { return nil }
    let length =
      lines.dropFirst().compactMap { line -> Int? in
        let pair = line.split(separator: ":", maxSplits: 1)
        guard pair.count == 2, pair[0].lowercased() == "content-length" else { return nil }
        return Int(pair[1].trimmingCharacters(in: .whitespaces))
      }.first ?? 0
    guard buffer.count >= end + 4 + length else { return nil }
    return Request(
      method: String(parts[0]), path: String(parts[1]),
      body: String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self))
  }
}
