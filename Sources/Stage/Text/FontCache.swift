internal import CSDL2
import Foundation
import SessionModel

/// Andika, opened once per pixel size, and the widths of text already measured.
@MainActor
final class FontCache {
  private struct FontKey: Hashable {
    var isBold: Bool
    var pixelSize: Int
  }

  private struct WidthKey: Hashable {
    var text: String
    var isBold: Bool
    var pixelSize: Int
  }

  private let regularPath: String
  private let boldPath: String
  private var fonts: [FontKey: OpaquePointer] = [:]
  private var widths: [WidthKey: Int] = [:]
  /// Widths are only numbers, cheap to measure again: they are dropped wholesale past this count.
  private let widthLimit = 1000
  /// How many times text was measured with the font, for tests: a width measured before adds nothing.
  private(set) var measureCount = 0

  init(fontsFolder: URL) throws(StageError) {
    regularPath = fontsFolder.appendingPathComponent("Andika-Regular.ttf").path
    boldPath = fontsFolder.appendingPathComponent("Andika-Bold.ttf").path
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

  func font(isBold: Bool, pixelSize: Int) -> OpaquePointer? {
    let key = FontKey(isBold: isBold, pixelSize: max(4, pixelSize))
    if let font = fonts[key] { return font }
    guard let font = TTF_OpenFont(isBold ? boldPath : regularPath, Int32(key.pixelSize)) else { return nil }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT)
    fonts[key] = font
    return font
  }

  /// The width of one line of text, in pixels, without drawing it.
  func measure(_ text: String, isBold: Bool, pixelSize: Int) -> Int {
    let key = WidthKey(text: text, isBold: isBold, pixelSize: pixelSize)
    if let width = widths[key] { return width }
    guard let font = font(isBold: isBold, pixelSize: pixelSize) else { return 0 }
    var width: Int32 = 0
    var height: Int32 = 0
    TTF_SizeUTF8(font, text, &width, &height)
    measureCount += 1
    if widths.count >= widthLimit { widths.removeAll(keepingCapacity: true) }
    widths[key] = Int(width)
    return Int(width)
  }
}
