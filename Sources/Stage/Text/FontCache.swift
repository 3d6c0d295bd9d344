internal import CSDL2
import Foundation
import SessionModel

/// Andika, opened once per pixel size, and the textures of text already drawn.
@MainActor
final class FontCache {
  private struct FontKey: Hashable {
    var isBold: Bool
    var pixelSize: Int
  }

  struct TextKey: Hashable {
    var text: String
    var isBold: Bool
    var pixelSize: Int
    var colour: Colour
    var wrapWidth: Int
  }

  struct RenderedText {
    var texture: OpaquePointer
    var pixelWidth: Int
    var pixelHeight: Int
  }

  private let regularPath: String
  private let boldPath: String
  private let renderer: OpaquePointer
  private var fonts: [FontKey: OpaquePointer] = [:]
  private var texts: [TextKey: RenderedText] = [:]
  /// Text textures are dropped wholesale past this count: scenes repeat the same few words.
  private let textLimit = 400

  init(fontsFolder: URL, renderer: OpaquePointer) throws(StageError) {
    regularPath = fontsFolder.appendingPathComponent("Andika-Regular.ttf").path
    boldPath = fontsFolder.appendingPathComponent("Andika-Bold.ttf").path
    self.renderer = renderer
    for path in [regularPath, boldPath] where !FileManager.default.fileExists(atPath: path) {
      throw StageError(
        LocalizedText(
          fr: "Police introuvable : \(path). Indiquez le dossier des ressources avec --assets.",
          en: "Font not found: \(path). Point --assets at the assets folder."))
    }
    guard TTF_Init() == 0 else {
      throw SDLFailure.error(
        .init(fr: "Impossible de préparer l'affichage du texte.", en: "Could not set up text rendering."))
    }
  }

  isolated deinit {
    for font in fonts.values { TTF_CloseFont(font) }
    TTF_Quit()
  }

  /// Frees the text textures; must run before the renderer is destroyed, which frees them itself.
  func releaseTextures() { clearTexts() }

  func font(isBold: Bool, pixelSize: Int) -> OpaquePointer? {
    let key = FontKey(isBold: isBold, pixelSize: max(4, pixelSize))
    if let font = fonts[key] { return font }
    guard let font = TTF_OpenFont(isBold ? boldPath : regularPath, Int32(key.pixelSize)) else { return nil }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT)
    fonts[key] = font
    return font
  }

  /// The text as a texture; `wrapWidth` 0 keeps it on one line.
  func rendered(_ key: TextKey) -> RenderedText? {
    if let rendered = texts[key] { return rendered }
    guard let font = font(isBold: key.isBold, pixelSize: key.pixelSize) else { return nil }
    let colour = SDL_Color(r: key.colour.red, g: key.colour.green, b: key.colour.blue, a: 255)
    let surface =
      key.wrapWidth > 0
      ? TTF_RenderUTF8_Blended_Wrapped(font, key.text, colour, UInt32(key.wrapWidth))
      : TTF_RenderUTF8_Blended(font, key.text, colour)
    guard let surface else { return nil }
    defer { SDL_FreeSurface(surface) }
    guard let texture = SDL_CreateTextureFromSurface(renderer, surface) else { return nil }
    if texts.count >= textLimit { clearTexts() }
    let rendered = RenderedText(
      texture: texture, pixelWidth: Int(surface.pointee.w), pixelHeight: Int(surface.pointee.h))
    texts[key] = rendered
    return rendered
  }

  /// The width of one line of text, in pixels, without drawing it.
  func measure(_ text: String, isBold: Bool, pixelSize: Int) -> Int {
    guard let font = font(isBold: isBold, pixelSize: pixelSize) else { return 0 }
    var width: Int32 = 0
    var height: Int32 = 0
    TTF_SizeUTF8(font, text, &width, &height)
    return Int(width)
  }

  private func clearTexts() {
    for rendered in texts.values { SDL_DestroyTexture(rendered.texture) }
    texts.removeAll()
  }
}
