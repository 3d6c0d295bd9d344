/// The few colours of the screen: a calm dark room, light text, one warm accent.
///
/// Text is only ever drawn in ``text`` or ``accent`` on ``background`` or ``panel``,
/// which keeps every pair above the 7:1 contrast of WCAG AAA (checked by a test).
enum Palette {
  static let background = Colour(red: 0x10, green: 0x18, blue: 0x20)
  static let panel = Colour(red: 0x22, green: 0x30, blue: 0x3C)
  static let text = Colour(red: 0xFF, green: 0xFF, blue: 0xFF)
  /// Warm yellow: highlights, the cursor, "À vous".
  static let accent = Colour(red: 0xFF, green: 0xD1, blue: 0x66)
  /// Soft green for "locked in" and the revealed answer: never red, nobody fails here.
  static let agreement = Colour(red: 0x7F, green: 0xE0, blue: 0xA8)
  /// The recording dot: a muted coral, not an alarm.
  static let recording = Colour(red: 0xF2, green: 0x8B, blue: 0x82)
  static let faded = Colour(red: 0x5A, green: 0x66, blue: 0x72)

  /// Every text colour on every surface text is drawn on.
  static let textPairs: [(name: String, foreground: Colour, background: Colour)] = [
    ("text on background", text, background),
    ("text on panel", text, panel),
    ("accent on background", accent, background),
    ("accent on panel", accent, panel),
    ("agreement on background", agreement, background),
    ("agreement on panel", agreement, panel),
  ]
}
