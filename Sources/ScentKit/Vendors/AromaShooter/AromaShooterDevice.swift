import Foundation

/// An Aromajoin Aroma Shooter 2 over its HTTP API (`aromajoin/controller-http-api`, port 1003):
/// `POST /as2/diffuse` one channel at a time with the booster on (without it nothing is
/// emitted), `POST /as2/stop_all`, and `GET /as2/firmware` as identity and keep-alive (the device
/// leaves the network after about an hour without requests).
public final class AromaShooterDevice: VendorDevice {
  public static let defaultPort: UInt16 = 1003
  public let host: String
  public let port: UInt16
  public let kind = "aromashooter"
  public let capabilities = DeviceCapabilities.aromaShooter
  private let http: HTTPExchange

  public init(host: String, port: UInt16 = AromaShooterDevice.defaultPort, timeout: Duration = .seconds(2)) {
    self.host = host
    self.port = port
    http = HTTPExchange(host: host, port: port, timeout: timeout)
  }

  public func identify() async throws(DiffuserError) -> VendorIdentity {
    let answer = try await checked(try await http.send(method: "GET", path: "/as2/firmware"))
    let firmware = (try? JSONDecoder().decode(Firmware.self, from: Data(answer.body)))?.current ?? "?"
    return VendorIdentity(model: "Aroma Shooter 2", firmware: firmware, cartridges: nil)
  }

  public func play(channel: Int, intensity: Int, milliseconds: Int) async throws(DiffuserError) {
    guard (1...capabilities.maximumPulseMilliseconds).contains(milliseconds) else {
      throw .rejected(.durationOutOfRange)
    }
    guard (1...capabilities.channelCount).contains(channel) else { throw .rejected(.channelOutOfRange) }
    guard (0...100).contains(intensity) else { throw .rejected(.intensityOutOfRange) }
    let body = Diffusion(channels: [channel], intensities: [intensity], durations: [milliseconds], booster: true)
    let json = Array((try? JSONEncoder().encode(body)) ?? Data())
    _ = try await checked(try await http.send(method: "POST", path: "/as2/diffuse", json: json))
  }

  public func stopAll() async throws(DiffuserError) {
    _ = try await checked(try await http.send(method: "POST", path: "/as2/stop_all"))
  }

  public func keepAlive() async throws(DiffuserError) {
    _ = try await checked(try await http.send(method: "GET", path: "/as2/firmware"))
  }

  public func close() {}

  /// A 2xx answer, or the refusal it stands for: 429/503 busy, any other error a device fault.
  private func checked(_ response: HTTPExchange.Response) throws(DiffuserError) -> HTTPExchange.Response {
    switch response.status {
    case 200..<300: return response
    case 429, 503: throw .rejected(.busy)
    default: throw .rejected(.deviceFault)
    }
  }

  /// The request body of firmware 2.x: one entry per channel.
  struct Diffusion: Codable, Hashable, Sendable {
    var channels: [Int]
    var intensities: [Int]
    var durations: [Int]
    var booster: Bool
  }

  struct Firmware: Codable, Sendable {
    var current: String
  }
}
