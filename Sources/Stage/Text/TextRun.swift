/// One piece of text as it was drawn in the last frame, kept so tests can check sizes, bounds and contrast.
struct TextRun: Hashable, Sendable {
  var text: String
  var style: TextStyle
  /// Where it landed, in design units.
  var frame: Rect
  var foreground: Colour
  var background: Colour
}
