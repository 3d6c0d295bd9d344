import Foundation

/// What leaves the lab of an event's payload: nothing that names a person or a machine.
///
/// The log keeps what recovery and audits need (a run's output folder, a diffuser's address);
/// exported files and the rows a multi-centre sync sends leave the lab, so their copy is redacted,
/// by this one rule (Research's exports and Store's replicated rows both call it). Each key of a
/// catalogued event is redacted as the ``EventCatalogue`` says (``Rule``): a key's meaning is the
/// event's, so `by` is a file in `recording.superseded` and who gave the floor in `floor.given`.
/// Keys the catalogue does not describe (an event's own details, a type this version does not
/// know) are judged by their name: known machine and place keys are hidden, file keys keep their
/// file name. Every other value is scrubbed, a second guard for details hidden in free text (an
/// error message): absolute paths are cut to their file name and Bluetooth addresses masked.
/// Redacting a redacted payload changes nothing.
public enum EventRedaction {
  /// What of one value leaves the site.
  public enum Rule: Hashable, Sendable {
    /// Free text: absolute paths cut to their file name, Bluetooth addresses masked.
    case scrubbed
    /// A file path: only the file name (``EventRedaction/fileName(_:)``).
    case fileName
    /// A machine's address or a place on its disk: nothing.
    case hidden
    /// A diffuser's description: only the kind of link (`rfcomm:AA:BB:…` → `rfcomm`).
    case transportKind
  }

  /// Names of keys, outside the catalogue, whose value is a machine's address or a place on its disk.
  static let hiddenKeys: Set<String> = ["output", "endpoint", "address", "host", "user", "login", "home"]
  /// Names of keys, outside the catalogue, whose value is a file path.
  static let pathKeys: Set<String> = ["path", "replaced", "by", "file", "folder", "directory"]
  public static let hidden = "[redacted]"

  /// `payload` of an event of `type` as it may leave the site.
  public static func redacted(_ payload: [String: String], of type: EventType) -> [String: String] {
    let catalogued = EventCatalogue.entry(for: type).map { entry in
      Dictionary((entry.keys + EventCatalogue.envelopeKeys).map { ($0.name, $0.redaction) }) { first, _ in first }
    }
    var redacted: [String: String] = [:]
    for (key, value) in payload {
      redacted[key] = apply(catalogued?[key] ?? rule(forKeyNamed: key), to: value)
    }
    return redacted
  }

  /// The rule for a key the catalogue does not describe, from its name.
  static func rule(forKeyNamed key: String) -> Rule {
    if hiddenKeys.contains(key) { return .hidden }
    if pathKeys.contains(key) { return .fileName }
    return key == "diffuser" ? .transportKind : .scrubbed
  }

  static func apply(_ rule: Rule, to value: String) -> String {
    switch rule {
    case .scrubbed: scrubbed(value)
    case .fileName: fileName(value)
    case .hidden: hidden
    case .transportKind: transportKind(value)
    }
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
