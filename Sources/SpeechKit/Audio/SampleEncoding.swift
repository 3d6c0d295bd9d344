/// How one sample is stored in a WAV data chunk.
public enum SampleEncoding: Equatable, Hashable, Sendable, CaseIterable {
  /// 8-bit unsigned integers, silence at 128.
  case unsigned8
  case signed16
  case signed24
  case signed32
  case float32

  public var bytesPerSample: Int {
    switch self {
    case .unsigned8: 1
    case .signed16: 2
    case .signed24: 3
    case .signed32, .float32: 4
    }
  }

  public var isFloatingPoint: Bool { self == .float32 }

  /// The WAVE format tag (1 = PCM, 3 = IEEE float), also used as the extensible sub-format.
  var formatTag: UInt16 { isFloatingPoint ? 3 : 1 }

  init?(formatTag: UInt16, bitsPerSample: Int) {
    switch (formatTag, bitsPerSample) {
    case (1, 8): self = .unsigned8
    case (1, 16): self = .signed16
    case (1, 24): self = .signed24
    case (1, 32): self = .signed32
    case (3, 32): self = .float32
    default: return nil
    }
  }
}
