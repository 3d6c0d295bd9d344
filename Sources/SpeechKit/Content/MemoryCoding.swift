import Foundation
import SessionModel

/// The memories of one answer: the automatic pre-coding, and the therapist's confirmed or
/// corrected coding with who coded it and when. Both are kept, so agreement can be measured.
///
/// This is the project's one memory-coding type: the Store saves it whole beside each answer's
/// measures (`MeasureRepository.save(_:for:)`) and exports the confirmed count as `memories_n`.
public struct MemoryCoding: Hashable, Sendable, Codable {
  /// The automatic method, reported as `memories_method` by `analyze transcript --jsonl` and kept
  /// with every saved coding (measures.csv has no method column).
  public var method: String
  public var automatic: [EvokedMemory]
  public var confirmed: [EvokedMemory]?
  /// The coder's staff code (never a name).
  public var coder: String?
  public var codedAt: Date?

  public init(
    method: String = MemoryDetector.method, automatic: [EvokedMemory], confirmed: [EvokedMemory]? = nil,
    coder: String? = nil, codedAt: Date? = nil
  ) {
    self.method = method
    self.automatic = automatic
    self.confirmed = confirmed
    self.coder = coder
    self.codedAt = codedAt
  }

  /// Why a confirmation was refused.
  public struct InvalidCoder: Error, Hashable, Sendable {
    public var reason: LocalizedText
  }

  /// Records the therapist's coding. `coder` is a staff code (letters, digits, `-`, `_`,
  /// 1 to 16 characters), which keeps names out of the data.
  public mutating func confirm(_ memories: [EvokedMemory], coder: String, at date: Date) throws(InvalidCoder) {
    guard Self.isStaffCode(coder) else {
      throw InvalidCoder(
        reason: LocalizedText(
          fr: "code codeur « \(coder) » invalide : 1 à 16 lettres, chiffres, - ou _ (un code, pas un nom)",
          en: "invalid coder code '\(coder)': 1 to 16 letters, digits, - or _ (a code, not a name)"))
    }
    confirmed = memories
    self.coder = coder
    codedAt = date
  }

  public static func isStaffCode(_ code: String) -> Bool {
    (1...16).contains(code.count)
      && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  /// The coding that counts: the confirmed one when a therapist has coded, the automatic one otherwise.
  public var effective: [EvokedMemory] { confirmed ?? automatic }

  public var isConfirmed: Bool { confirmed != nil }

  enum CodingKeys: String, CodingKey {
    case method, automatic, confirmed, coder
    case codedAt = "coded_at"
  }
}
