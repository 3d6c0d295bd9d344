/// The secret every request must carry: 32 random bytes as 64 hexadecimal digits, drawn when the
/// server starts and printed once in its URL, as Jupyter does.
public struct AccessToken: Sendable, CustomStringConvertible {
  public let value: String

  /// A new token from the system's cryptographic random source.
  public static func random() -> AccessToken {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return AccessToken(value: bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
  }

  public init(value: String) {
    self.value = value
  }

  /// Whether `candidate` is the token, in time that depends on the token's length only, so the
  /// answer time never tells an attacker how many leading characters they guessed right.
  public func matches(_ candidate: String?) -> Bool {
    guard let candidate else { return false }
    let expected = Array(value.utf8)
    let given = Array(candidate.utf8)
    var difference: UInt8 = expected.count == given.count ? 0 : 1
    for index in expected.indices {
      difference |= expected[index] ^ (index < given.count ? given[index] : 0)
    }
    return difference == 0
  }

  /// Never printed by accident (logs, errors): the URL shown at start is the one place it appears.
  public var description: String { "AccessToken(…)" }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
