internal import CSDL2
import Foundation

/// Pictures from the assets folder as textures: SVG rasterised at the size it is shown, PNG and JPEG as they are.
@MainActor
final class ImageCache {
  private struct Key: Hashable {
    var path: String
    /// Zero for raster images, which are scaled when drawn.
    var pixelWidth: Int
    var pixelHeight: Int
  }

  struct Image {
    var texture: OpaquePointer
    var pixelWidth: Int
    var pixelHeight: Int
    var aspect: Double { Double(pixelWidth) / Double(max(1, pixelHeight)) }
  }

  private let root: URL
  private let renderer: OpaquePointer
  /// `nil` remembers a missing or broken file so it is not read again every frame.
  private var images: [Key: Image?] = [:]
  private let imageLimit = 160

  init(root: URL, renderer: OpaquePointer) {
    self.root = root
    self.renderer = renderer
    IMG_Init(Int32(IMG_INIT_PNG.rawValue | IMG_INIT_JPG.rawValue))
  }

  /// Frees the textures; must run before the renderer is destroyed, which frees them itself.
  func releaseTextures() { clear() }

  /// The picture at `path` (relative to the assets root) for a box of the given size in pixels.
  func image(_ path: String, pixelWidth: Int, pixelHeight: Int) -> Image? {
    let isVector = Self.isVector(path)
    let key = Key(
      path: path, pixelWidth: isVector ? max(1, pixelWidth) : 0, pixelHeight: isVector ? max(1, pixelHeight) : 0)
    if let cached = images[key] { return cached }
    if images.count >= imageLimit { clear() }
    let loaded = load(root.appendingPathComponent(path).path, key: key, isVector: isVector)
    images[key] = loaded
    return loaded
  }

  /// Whether the file is an SVG, whatever the case of its extension. Asked for every picture of
  /// every frame, so it reads the last bytes instead of allocating a lowercased copy of the path.
  nonisolated static func isVector(_ path: String) -> Bool {
    let tail = path.utf8.suffix(4)
    return tail.count == 4
      && zip(tail, ".svg".utf8).allSatisfy { byte, expected in
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == expected : byte == expected
      }
  }

  private func load(_ file: String, key: Key, isVector: Bool) -> Image? {
    guard FileManager.default.fileExists(atPath: file) else { return nil }
    let surface: UnsafeMutablePointer<SDL_Surface>?
    if isVector {
      guard let stream = SDL_RWFromFile(file, "rb") else { return nil }
      surface = IMG_LoadSizedSVG_RW(stream, Int32(key.pixelWidth), Int32(key.pixelHeight))
      SDL_RWclose(stream)
    } else {
      surface = IMG_Load(file)
    }
    guard let loaded = surface, let surface = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888.rawValue, 0)
    else {
      surface.map { SDL_FreeSurface($0) }
      return nil
    }
    SDL_FreeSurface(loaded)
    defer { SDL_FreeSurface(surface) }
    guard let texture = SDL_CreateTextureFromSurface(renderer, surface) else { return nil }
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear)
    // Copying without blending is several times faster in the software renderer; most pictures are opaque.
    SDL_SetTextureBlendMode(texture, Self.isOpaque(surface) ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND)
    return Image(texture: texture, pixelWidth: Int(surface.pointee.w), pixelHeight: Int(surface.pointee.h))
  }

  /// True when every pixel of an ARGB8888 surface has full alpha, except the last row and column:
  /// SDL_image rounds an SVG's size up, leaving a partly covered edge that blending would not improve.
  private static func isOpaque(_ surface: UnsafeMutablePointer<SDL_Surface>) -> Bool {
    let width = Int(surface.pointee.w) - 1
    let pitch = Int(surface.pointee.pitch)
    guard width > 0, let base = surface.pointee.pixels?.assumingMemoryBound(to: UInt8.self) else { return false }
    for row in 0..<max(1, Int(surface.pointee.h) - 1) {
      let pixels = UnsafeBufferPointer(
        start: UnsafeRawPointer(base + row * pitch).assumingMemoryBound(to: UInt32.self), count: width)
      for pixel in pixels where pixel >> 24 != 0xFF { return false }
    }
    return true
  }

  private func clear() {
    for case let image? in images.values { SDL_DestroyTexture(image.texture) }
    images.removeAll()
  }
}
