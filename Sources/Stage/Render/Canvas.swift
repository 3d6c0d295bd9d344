internal import CSDL2
import Foundation

/// Drawing in design units (1920×1080) on SDL's renderer, which scales and letterboxes to the window.
///
/// Text and SVG are rasterised at the window's real pixel size, so they stay sharp at any resolution.
@MainActor
final class Canvas {
  enum Alignment {
    case centre
    case leading
    case trailing
  }

  let renderer: OpaquePointer
  let fonts: FontCache
  let texts: TextCache
  let images: ImageCache
  let shapes: ShapeCache
  /// Window pixels per design unit.
  private(set) var scale = 1.0
  /// The text of the frame being drawn, for layout and contrast checks.
  private(set) var textRuns: [TextRun] = []

  init(renderer: OpaquePointer, fonts: FontCache, images: ImageCache) {
    self.renderer = renderer
    self.fonts = fonts
    texts = TextCache(fonts: fonts, renderer: renderer)
    self.images = images
    shapes = ShapeCache(renderer: renderer)
  }

  func beginFrame() {
    var width: Int32 = 0
    var height: Int32 = 0
    SDL_GetRendererOutputSize(renderer, &width, &height)
    scale = max(0.05, min(Double(width) / Rect.designWidth, Double(height) / Rect.designHeight))
    textRuns.removeAll(keepingCapacity: true)
    setColour(Palette.background, alpha: 255)
    SDL_RenderClear(renderer)
  }

  // MARK: Shapes

  func fill(_ rect: Rect, _ colour: Colour, alpha: UInt8 = 255) {
    setColour(colour, alpha: alpha)
    var target = SDL_FRect(x: Float(rect.x), y: Float(rect.y), w: Float(rect.width), h: Float(rect.height))
    SDL_RenderFillRectF(renderer, &target)
  }

  /// A frame of the given thickness drawn inside `rect`.
  func stroke(_ rect: Rect, _ colour: Colour, width: Double, alpha: UInt8 = 255) {
    fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: width), colour, alpha: alpha)
    fill(Rect(x: rect.x, y: rect.maxY - width, width: rect.width, height: width), colour, alpha: alpha)
    fill(Rect(x: rect.x, y: rect.y + width, width: width, height: rect.height - 2 * width), colour, alpha: alpha)
    fill(
      Rect(x: rect.maxX - width, y: rect.y + width, width: width, height: rect.height - 2 * width), colour, alpha: alpha
    )
  }

  func fillCircle(centreX: Double, centreY: Double, radius: Double, _ colour: Colour, alpha: UInt8 = 255) {
    shape(centreX: centreX, centreY: centreY, radius: radius, ringWidth: 0, colour, alpha: alpha)
  }

  func ring(centreX: Double, centreY: Double, radius: Double, width: Double, _ colour: Colour, alpha: UInt8 = 255) {
    shape(centreX: centreX, centreY: centreY, radius: radius, ringWidth: max(1, width), colour, alpha: alpha)
  }

  private func shape(
    centreX: Double, centreY: Double, radius: Double, ringWidth: Double, _ colour: Colour, alpha: UInt8
  ) {
    let pixelRadius = Int((radius * scale).rounded())
    let pixelWidth = ringWidth > 0 ? max(1, Int((ringWidth * scale).rounded())) : 0
    guard let texture = shapes.texture(radius: pixelRadius, ringWidth: pixelWidth, colour: colour) else { return }
    let side = Double(2 * max(1, pixelRadius) + 2) / scale
    SDL_SetTextureAlphaMod(texture, alpha)
    copy(texture, to: .centred(at: centreX, centreY, width: side, height: side))
  }

  /// A straight stroke with square ends.
  func line(from start: (Double, Double), to end: (Double, Double), width: Double, _ colour: Colour) {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1)
    let length = max(0.001, (dx * dx + dy * dy).squareRoot())
    let (nx, ny) = (-dy / length * width / 2, dx / length * width / 2)
    let corners = [
      (start.0 + nx, start.1 + ny), (end.0 + nx, end.1 + ny), (start.0 - nx, start.1 - ny),
      (start.0 - nx, start.1 - ny), (end.0 + nx, end.1 + ny), (end.0 - nx, end.1 - ny),
    ]
    triangles(corners, colour, alpha: 255)
  }

  /// The calm "done" mark: a tick in a disc, never a cross.
  func checkMark(centreX: Double, centreY: Double, size: Double, _ colour: Colour) {
    fillCircle(centreX: centreX, centreY: centreY, radius: size / 2, colour)
    let unit = size / 10
    let stroke = max(2, unit * 1.4)
    line(
      from: (centreX - 2.6 * unit, centreY), to: (centreX - 0.6 * unit, centreY + 2.2 * unit), width: stroke,
      Palette.background)
    line(
      from: (centreX - 1.2 * unit, centreY + 2.2 * unit), to: (centreX + 3 * unit, centreY - 2.4 * unit), width: stroke,
      Palette.background)
  }

  /// A triangle pointing left or right, for "change avatar" arrows.
  func arrow(centreX: Double, centreY: Double, size: Double, pointsRight: Bool, _ colour: Colour) {
    let half = size / 2
    let tip = pointsRight ? centreX + half : centreX - half
    let base = pointsRight ? centreX - half : centreX + half
    triangles([(tip, centreY), (base, centreY - half), (base, centreY + half)], colour, alpha: 255)
  }

  func triangles(_ points: [(Double, Double)], _ colour: Colour, alpha: UInt8) {
    let sdlColour = SDL_Color(r: colour.red, g: colour.green, b: colour.blue, a: alpha)
    let vertices = points.map {
      SDL_Vertex(
        position: SDL_FPoint(x: Float($0.0), y: Float($0.1)), color: sdlColour, tex_coord: SDL_FPoint(x: 0, y: 0))
    }
    vertices.withUnsafeBufferPointer {
      _ = SDL_RenderGeometry(renderer, nil, $0.baseAddress, Int32($0.count), nil, 0)
    }
  }

  // MARK: Text

  /// Draws text at its style's size; text too wide for `box` wraps onto more lines instead of shrinking.
  @discardableResult
  func text(
    _ string: String, style: TextStyle, in box: Rect, alignment: Alignment = .centre, colour: Colour = Palette.text,
    on background: Colour, alpha: UInt8 = 255
  ) -> Rect {
    guard !string.isEmpty else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
    let key = TextCache.Key(
      text: string, isBold: style.isBold, pixelSize: Int((style.designSize * scale).rounded()), colour: colour,
      boxWidth: Int(box.width * scale))
    guard let rendered = texts.rendered(key) else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
    let width = Double(rendered.pixelWidth) / scale
    let height = Double(rendered.pixelHeight) / scale
    let x: Double
    switch alignment {
    case .centre: x = box.midX - width / 2
    case .leading: x = box.x
    case .trailing: x = box.maxX - width
    }
    let frame = Rect(x: x, y: box.midY - height / 2, width: width, height: height)
    SDL_SetTextureAlphaMod(rendered.texture, alpha)
    copy(rendered.texture, to: frame)
    textRuns.append(TextRun(text: string, style: style, frame: frame, foreground: colour, background: background))
    return frame
  }

  /// The width of `string` on one line, in design units.
  func width(of string: String, style: TextStyle) -> Double {
    let pixelSize = Int((style.designSize * scale).rounded())
    return Double(fonts.measure(string, isBold: style.isBold, pixelSize: pixelSize)) / scale
  }

  /// `string` if it fits `width` on one line; else shortened in the middle with an ellipsis, so
  /// that both ends (a device's kind and its address's last digits) stay readable. Text never
  /// shrinks below its style's size: it is shortened instead.
  func fitted(_ string: String, style: TextStyle, width: Double) -> String {
    guard self.width(of: string, style: style) > width else { return string }
    let characters = Array(string)
    var kept = characters.count - 1
    while kept > 1 {
      let candidate = String(characters.prefix((kept + 1) / 2)) + "…" + String(characters.suffix(kept / 2))
      if self.width(of: candidate, style: style) <= width { return candidate }
      kept -= 1
    }
    return "…"
  }

  // MARK: Images

  /// Draws the picture fitted inside `box`, keeping its proportions; false when the file is missing.
  @discardableResult
  func image(_ path: String, in box: Rect, alpha: UInt8 = 255) -> Bool {
    let pixelWidth = Int((box.width * scale).rounded())
    let pixelHeight = Int((box.height * scale).rounded())
    guard let image = images.image(path, pixelWidth: pixelWidth, pixelHeight: pixelHeight) else { return false }
    SDL_SetTextureAlphaMod(image.texture, alpha)
    copy(image.texture, to: box.fitting(aspect: image.aspect))
    return true
  }

  /// A picture, or a neutral card with its label when the file is missing.
  func picture(_ path: String, label: String, in box: Rect, alpha: UInt8 = 255) {
    if image(path, in: box, alpha: alpha) { return }
    fill(box, Palette.panel, alpha: alpha)
    stroke(box, Palette.faded, width: 4, alpha: alpha)
    text(label, style: .body, in: box.inset(by: 16), on: Palette.panel, alpha: alpha)
  }

  private func copy(_ texture: OpaquePointer, to frame: Rect) {
    var target = SDL_FRect(x: Float(frame.x), y: Float(frame.y), w: Float(frame.width), h: Float(frame.height))
    SDL_RenderCopyF(renderer, texture, nil, &target)
  }

  private func setColour(_ colour: Colour, alpha: UInt8) {
    SDL_SetRenderDrawColor(renderer, colour.red, colour.green, colour.blue, alpha)
  }
}
