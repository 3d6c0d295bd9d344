internal import CSDL2
import Foundation

/// Discs and rings drawn once per size and colour, anti-aliased, then copied as textures.
///
/// SDL's software renderer fills triangles pixel by pixel; ten avatars drawn as geometry cost
/// tens of milliseconds a frame, while copying ready-made textures costs a fraction of one.
@MainActor
final class ShapeCache {
  private struct Key: Hashable {
    var radius: Int
    /// 0 for a full disc.
    var ringWidth: Int
    var colour: Colour
  }

  private let renderer: OpaquePointer
  private var textures: [Key: OpaquePointer] = [:]

  init(renderer: OpaquePointer) { self.renderer = renderer }

  func releaseTextures() {
    for texture in textures.values { SDL_DestroyTexture(texture) }
    textures.removeAll()
  }

  /// A texture of side `2 * radius + 2` pixels holding the shape centred.
  func texture(radius: Int, ringWidth: Int, colour: Colour) -> OpaquePointer? {
    let key = Key(radius: max(1, radius), ringWidth: max(0, ringWidth), colour: colour)
    if let texture = textures[key] { return texture }
    if textures.count > 200 { releaseTextures() }
    let side = 2 * key.radius + 2
    let centre = Double(side) / 2
    let outer = Double(key.radius)
    let inner = key.ringWidth > 0 ? outer - Double(key.ringWidth) : -1
    let rgb = UInt32(colour.red) << 16 | UInt32(colour.green) << 8 | UInt32(colour.blue)
    var pixels = [UInt32](repeating: 0, count: side * side)
    for row in 0..<side {
      let dy = Double(row) + 0.5 - centre
      for column in 0..<side {
        let dx = Double(column) + 0.5 - centre
        let distance = (dx * dx + dy * dy).squareRoot()
        var coverage = min(1, max(0, outer - distance + 0.5))
        if inner >= 0 { coverage = min(coverage, min(1, max(0, distance - inner + 0.5))) }
        if coverage > 0 { pixels[row * side + column] = UInt32(coverage * 255) << 24 | rgb }
      }
    }
    let texture = SDL_CreateTexture(
      renderer, SDL_PIXELFORMAT_ARGB8888.rawValue, Int32(SDL_TEXTUREACCESS_STATIC.rawValue), Int32(side), Int32(side))
    guard let texture else { return nil }
    pixels.withUnsafeBytes { _ = SDL_UpdateTexture(texture, nil, $0.baseAddress, Int32(side * 4)) }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND)
    textures[key] = texture
    return texture
  }
}
