import Foundation

/// What leaves the lab of an event's payload: nothing that names a person or a machine.
///
/// The log keeps what recovery and audits need (a run's output folder, a diffuser's address);
/// exported files and the rows a multi-centre sync sends leave the lab, so their copy is redacted,
/// by this one rule (Research's exports and Store's replicated rows both call it). Keys known to
/// hold such details are replaced whole (file paths keep their file name, which only names the
/// session, trial and player, and folders are hidden); then, as a second guard for details hidden
/// in free text (an error message), absolute paths are cut to their file name and Bluetooth
/// addresses are masked in every value. Redacting a redacted payload changes nothing.
public enum EventRedaction {
  /// Keys whose value is a machine's address or a place on its disk.
  static let hiddenKeys: Set<String> = ["output", "endpoint", "address", "host", "user", "login", "home"]
  /// Keys whose value is a file path: only the file name is kept.
  static let pathKeys: Set<String> = ["path", "replaced", "by", "file", "folder", "directory"]
  public static let hidden = "[redacted]"
  /// The values of `floor.given`'s `by` (``FloorSource``), the one `by` that is not a file.
  static let whoGaveTheFloor = Set(FloorSource.allCases.map(\.rawValue))

  public static func redacted(_ payload: [String: String]) -> [String: String] {
    var redacted: [String: String] = [:]
    for (key, value) in payload {
      if hiddenKeys.contains(key) {
        redacted[key] = hidden
      } else if pathKeys.contains(key) {
        // `floor.given`'s `by` says who gave the floor, not a file that replaced another.
        redacted[key] = key == "by" && whoGaveTheFloor.contains(value) ? value : fileName(value)
      } else if key == "diffuser" {
        redacted[key] = transportKind(value)
      } else {
        redacted[key] = scrubbed(value)
      }
    }
    return redacted
  }

  /// Absolute paths cut to their file name, Bluetooth addresses masked.
  public static func scrubbed(_ text: String) -> String {
    var text = text
    text = text.replacing(address, with: { _ in hidden })
    return withoutAbsolutePaths(text)
  }

  /// `rfcomm:AA:BB:…` → `rfcomm`; `simulated` stays `simulated`.
  static func transportKind(_ description: String) -> String {
    let lowered = description.lowercased()
    for kind in ["simulated", "none", "rfcomm", "ble", "gatt", "serial", "unix", "tcp"] where lowered.contains(kind) {
      return kind
    }
    return hidden
  }

  /// The file name of a path to a file of a kind ConnectAge reads or writes
  /// (`S01-T1-player1-turn1.wav`); any other last name, which may be a login (`/home/marie`,
  /// `/home/jean.martin`), is hidden.
  public static func fileName(_ path: String) -> String {
    guard let name = path.split(separator: "/").last.map(String.init), !name.hasPrefix("."),
      let dot = name.lastIndex(of: "."), fileExtensions.contains(name[name.index(after: dot)...].lowercased())
    else { return path.isEmpty ? "" : hidden }
    return name
  }

  /// The kinds of file a session, an import or an export names.
  static let fileExtensions: Set<String> = [
    "wav", "flac", "ogg", "mp3", "txt", "cha", "textgrid", "json", "jsonl", "srt", "vtt", "csv", "tsv", "sqlite",
    "db", "yaml", "yml", "toml", "log", "pdf", "html", "svg", "png", "jpg", "jpeg", "webp", "lock", "partial",
    "sha256", "r", "deb",
  ]

  private nonisolated(unsafe) static let address = /[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}/

  /// Each token that starts with `/` or `~/` after a separator (not inside a word, a number or a
  /// relative path) is cut to `…/` and its file name.
  private static func withoutAbsolutePaths(_ text: String) -> String {
    let starts: Set<Character> = [" ", "\t", "\n", "\"", "'", "=", "(", "[", ":", "«", "\u{a0}"]
    let ends: Set<Character> = [" ", "\t", "\n", "\"", "'", "|", ",", ";", "(", ")", "[", "]", "»", "\u{a0}"]
    var result = ""
    var index = text.startIndex
    var previous: Character?
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      let opensPath =
        (previous == nil || starts.contains(previous!))
        && (character == "/" || (character == "~" && next < text.endIndex && text[next] == "/"))
      guard opensPath else {
        result.append(character)
        previous = character
        index = next
        continue
      }
      var end = index
      while end < text.endIndex, !ends.contains(text[end]) { end = text.index(after: end) }
      // A folder named with a space (`/home/Marie Dupont/rec/S01.wav`): the path goes on while
      // the next word still leads to a folder or file.
      while end < text.endIndex, text[end] == " " {
        var probe = text.index(after: end)
        while probe < text.endIndex, !ends.contains(text[probe]), text[probe] != "/" {
          probe = text.index(after: probe)
        }
        guard probe < text.endIndex, text[probe] == "/", probe > text.index(after: end) else { break }
        end = probe
        while end < text.endIndex, !ends.contains(text[end]) { end = text.index(after: end) }
      }
      let name = fileName(String(text[index..<end]))
      result += name == hidden ? hidden : "…/" + name
      previous = end > index ? text[text.index(before: end)] : character
      index = end
    }
    return result
  }
}
