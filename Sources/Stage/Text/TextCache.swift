internal import CSDL2

/// Text already drawn, as textures, keyed by everything that decides its pixels.
///
/// The key holds the box width as well as the string, size and colour, because whether the text
/// fits on one line or wraps depends on it: a string drawn again costs one dictionary lookup,
/// without measuring or rendering. Names and counters keep bringing new strings during a long
/// session, so past `limit` the least recently drawn half is dropped; the text of the frame being
/// drawn is the most recent and stays.
@MainActor
final class TextCache {
  struct Key: Hashable {
    var text: String
    var isBold: Bool
    var pixelSize: Int
    var colour: Colour
    /// The width of the box the text is drawn in, in pixels: text wider than that wraps.
    var boxWidth: Int
  }

  struct RenderedText {
    var texture: OpaquePointer
    var pixelWidth: Int
    var pixelHeight: Int
  }

  private struct Entry {
    var rendered: RenderedText
    var lastDrawn: UInt64
  }

  /// Most textures a session can hold at once.
  let limit: Int
  /// How many times text was measured and rendered, for tests: a cached string adds nothing.
  private(set) var renderCount = 0
  private let fonts: FontCache
  private let renderer: OpaquePointer
  private var entries: [Key: Entry] = [:]
  /// Counts lookups, to tell which entries were drawn least recently.
  private var clock: UInt64 = 0

  init(fonts: FontCache, renderer: OpaquePointer, limit: Int = 400) {
    self.fonts = fonts
    self.renderer = renderer
    self.limit = max(2, limit)
  }

  var count: Int { entries.count }

  /// Frees the textures; must run before the renderer is destroyed, which frees them itself.
  func releaseTextures() {
    for entry in entries.values { SDL_DestroyTexture(entry.rendered.texture) }
    entries.removeAll()
  }

  /// The text as a texture: on one line when it fits `key.boxWidth`, wrapped to that width otherwise.
  func rendered(_ key: Key) -> RenderedText? {
    clock += 1
    if let index = entries.index(forKey: key) {
      entries.values[index].lastDrawn = clock
      return entries.values[index].rendered
    }
    guard let rendered = render(key) else { return nil }
    if entries.count >= limit { dropLeastRecentlyDrawnHalf() }
    entries[key] = Entry(rendered: rendered, lastDrawn: clock)
    return rendered
  }

  private func render(_ key: Key) -> RenderedText? {
    guard let font = fonts.font(isBold: key.isBold, pixelSize: key.pixelSize) else { return nil }
    renderCount += 1
    let fits = fonts.measure(key.text, isBold: key.isBold, pixelSize: key.pixelSize) <= key.boxWidth
    let colour = SDL_Color(r: key.colour.red, g: key.colour.green, b: key.colour.blue, a: 255)
    let surface =
      fits
      ? TTF_RenderUTF8_Blended(font, key.text, colour)
      : TTF_RenderUTF8_Blended_Wrapped(font, key.text, colour, UInt32(max(1, key.boxWidth)))
    guard let surface else { return nil }
    defer { SDL_FreeSurface(surface) }
    guard let texture = SDL_CreateTextureFromSurface(renderer, surface) else { return nil }
    return RenderedText(texture: texture, pixelWidth: Int(surface.pointee.w), pixelHeight: Int(surface.pointee.h))
  }

  /// Dropping half at once keeps eviction rare, so its sort costs nothing per frame on average.
  private func dropLeastRecentlyDrawnHalf() {
    let oldest = entries.sorted { $0.value.lastDrawn < $1.value.lastDrawn }.prefix(entries.count - limit / 2)
    for (key, entry) in oldest {
      SDL_DestroyTexture(entry.rendered.texture)
      entries[key] = nil
    }
  }
}
