/// One of the diffuser's thirty cartridge channels, numbered 1 to 30 as printed on the device.
public struct CartridgeSlot: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible
{
  public static let range = 1...30
  public static let all = range.map { CartridgeSlot(rawValue: $0)! }

  public let rawValue: Int

  public init?(rawValue: Int) {
    guard Self.range.contains(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let number = try container.decode(Int.self)
    guard let slot = CartridgeSlot(rawValue: number) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "cartridge channel \(number) is outside 1...30")
    }
    self = slot
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { "\(rawValue)" }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
