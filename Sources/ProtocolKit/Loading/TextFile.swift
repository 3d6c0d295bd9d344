import Foundation

/// Reads the text of a protocol, catalogue or image sheet, or fails with the message every such file shares.
enum TextFile {
  /// The UTF-8 text of `url`.
  ///
  /// - Throws: one problem at `file:1:1` asking to check the path and the encoding, marked
  ///   `isUnreadableFile` so that the command exits as for a runtime failure, not bad content.
  static func contents(of url: URL) throws(ProtocolValidationFailure) -> String {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw ProtocolValidationFailure(problems: [ProtocolProblem.unreadable(url)], isUnreadableFile: true)
    }
    return text
  }
}
