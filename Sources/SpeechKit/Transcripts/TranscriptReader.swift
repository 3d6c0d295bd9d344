import Foundation
import SessionModel

/// Reads any supported transcript file, choosing the format from its content, then its extension.
public enum TranscriptReader {
  /// Reads the file at `url`; errors name it `name` when given (the path as the user typed it),
  /// its full path otherwise.
  public static func read(url: URL, named name: String? = nil) throws(TranscriptReadError) -> Transcript {
    let data: Data
    do {
      data = try TranscriptFile.contents(of: url)
    } catch {
      throw TranscriptReadError(file: name ?? error.file, line: error.line, column: error.column, reason: error.reason)
    }
    return try read(data, file: name ?? url.path, format: format(of: data, pathExtension: url.pathExtension))
  }

  public static func read(_ data: Data, file: String, format: TranscriptFormat) throws(TranscriptReadError)
    -> Transcript
  {
    switch format {
    case .chat: try CHATReader.read(data, file: file)
    case .textGrid: try TextGridReader.read(data, file: file)
    case .plainText: try PlainTextReader.read(data, file: file)
    case .asrJSON: try ASRJSONReader.read(data, file: file)
    case .webVTT, .srt: try SubtitleReader.read(data, file: file)
    }
  }

  /// Content signatures win (a CHAT file saved as `.txt` is still CHAT); the extension decides
  /// otherwise; anything unknown is read as plain text.
  public static func format(of data: Data, pathExtension: String) -> TranscriptFormat {
    let head = decodedHead(of: data)
    let trimmed = head.drop(while: { $0.isWhitespace })
    if trimmed.hasPrefix("@UTF8") || trimmed.hasPrefix("@Begin") { return .chat }
    if head.contains("ooTextFile") || head.contains("ooBinaryFile") { return .textGrid }
    if trimmed.hasPrefix("WEBVTT") { return .webVTT }
    if trimmed.hasPrefix("{") { return .asrJSON }
    switch pathExtension.lowercased() {
    case "cha": return .chat
    case "textgrid": return .textGrid
    case "json": return .asrJSON
    case "vtt": return .webVTT
    case "srt": return .srt
    default: break
    }
    let lines = trimmed.split(separator: "\n", maxSplits: 3).map { String($0).trimmingWhitespace() }
    if lines.count >= 2, lines[0].allSatisfy(\.isNumber), lines[1].contains("-->") { return .srt }
    return .plainText
  }

  private static func decodedHead(of data: Data) -> String {
    let head = data.prefix(512)
    if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) {
      let bigEndian = head.first == 0xFE
      var units: [UInt16] = []
      var index = head.startIndex + 2
      while index + 1 < head.endIndex {
        let first = UInt16(head[index])
        let second = UInt16(head[index + 1])
        units.append(bigEndian ? first << 8 | second : second << 8 | first)
        index += 2
      }
      return String(decoding: units, as: UTF16.self)
    }
    return String(decoding: head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head, as: UTF8.self)
  }
}
