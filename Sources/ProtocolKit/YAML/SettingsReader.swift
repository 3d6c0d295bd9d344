import SessionModel
import Yams

/// Fills a settings value from an optional mapping, key by key: an absent key keeps its default,
/// and a wrong value, reported by its reader where it stands, makes the whole settings unusable.
struct SettingsReader<Settings> {
  let entry: MappingReader
  var settings: Settings
  private(set) var failed = false

  /// Returns `nil` after reporting when `node` is not a mapping; reports any key not in `keys`.
  init?(_ node: Node, keys: [String], what: LocalizedText, defaults: Settings, problems: ProblemCollector) {
    guard let entry = MappingReader(node, keys: keys, problems: problems, what: what) else { return nil }
    self.entry = entry
    self.settings = defaults
  }

  /// Reads `key`, when it is there, with `read` (given the node and the key) and stores the value at `path`.
  mutating func read<Value>(
    _ key: String, into path: WritableKeyPath<Settings, Value>, _ read: (Node, String) -> Value?
  ) {
    guard let node = entry.value(key) else { return }
    if let value = read(node, key) { settings[keyPath: path] = value } else { failed = true }
  }

  /// The same for a setting that may stay unset, so that a wrong value fails instead of unsetting it.
  ///
  /// Without this overload a reader of `Value?` would be taken as a reader of `Value??`, and its
  /// `nil` would be stored as a value.
  mutating func read<Value>(
    _ key: String, into path: WritableKeyPath<Settings, Value?>, _ read: (Node, String) -> Value?
  ) {
    guard let node = entry.value(key) else { return }
    if let value = read(node, key) { settings[keyPath: path] = value } else { failed = true }
  }

  /// The settings read, or `nil` when any value was wrong.
  var result: Settings? { failed ? nil : settings }
}
