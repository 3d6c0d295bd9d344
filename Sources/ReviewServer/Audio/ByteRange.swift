import Foundation

/// One `Range: bytes=…` request on a file of known size (RFC 9110 §14): the first range only,
/// since a browser seeking in audio asks for one.
enum ByteRange {
  /// The bytes asked for, clamped to the file; nil when the header asks for none it can have
  /// (a 416), or is not a byte range at all.
  static func parse(_ header: String, fileSize: Int) -> ClosedRange<Int>? {
    guard fileSize > 0, header.hasPrefix("bytes=") else { return nil }
    let first = header.dropFirst("bytes=".count).split(separator: ",").first ?? ""
    let parts = first.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let start = Int(parts[0]), end = Int(parts[1])
    switch (parts[0].isEmpty, parts[1].isEmpty) {
    case (true, false):
      // `bytes=-500`: the last 500 bytes.
      guard let end, end > 0 else { return nil }
      return max(0, fileSize - end)...(fileSize - 1)
    case (false, true):
      guard let start, start >= 0, start < fileSize else { return nil }
      return start...(fileSize - 1)
    case (false, false):
      guard let start, let end, start >= 0, start <= end, start < fileSize else { return nil }
      return start...min(end, fileSize - 1)
    case (true, true):
      return nil
    }
  }
}
