internal import CSDL2
import Foundation
import SessionModel

/// A frame read back from the renderer, or a PNG read from disk, as 32-bit ARGB pixels.
struct PixelImage: Equatable, Sendable {
  var width: Int
  var height: Int
  var argb: [UInt32]

  /// Writes a PNG through a temporary file, so a failed write leaves nothing half-written.
  func writePNG(to url: URL) throws(StageError) {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
    var pixels = argb
    let saved = pixels.withUnsafeMutableBytes { bytes -> Int32 in
      guard
        let surface = SDL_CreateRGBSurfaceWithFormatFrom(
          bytes.baseAddress, Int32(width), Int32(height), 32, Int32(width * 4), SDL_PIXELFORMAT_ARGB8888.rawValue)
      else { return -1 }
      defer { SDL_FreeSurface(surface) }
      return IMG_SavePNG(surface, temporary.path)
    }
    guard saved == 0 else {
      throw SDLFailure.error(
        .init(fr: "Impossible d'écrire l'image \(url.path).", en: "Could not write the image \(url.path)."))
    }
    do {
      _ = try? FileManager.default.removeItem(at: url)
      try FileManager.default.moveItem(at: temporary, to: url)
    } catch {
      throw StageError(
        .init(fr: "Impossible d'écrire l'image \(url.path).", en: "Could not write the image \(url.path)."),
        detail: "\(error)")
    }
  }

  /// Reads any image SDL_image knows, converted to ARGB.
  static func read(from url: URL) throws(StageError) -> PixelImage {
    guard let loaded = IMG_Load(url.path) else {
      throw SDLFailure.error(.init(fr: "Image illisible : \(url.path).", en: "Unreadable image: \(url.path)."))
    }
    defer { SDL_FreeSurface(loaded) }
    guard let surface = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888.rawValue, 0) else {
      throw SDLFailure.error(.init(fr: "Image illisible : \(url.path).", en: "Unreadable image: \(url.path)."))
    }
    defer { SDL_FreeSurface(surface) }
    let width = Int(surface.pointee.w)
    let height = Int(surface.pointee.h)
    let pitch = Int(surface.pointee.pitch)
    var pixels = [UInt32](repeating: 0, count: width * height)
    let base = surface.pointee.pixels!.assumingMemoryBound(to: UInt8.self)
    for row in 0..<height {
      let rowStart = UnsafeRawPointer(base + row * pitch).assumingMemoryBound(to: UInt32.self)
      for column in 0..<width { pixels[row * width + column] = rowStart[column] }
    }
    return PixelImage(width: width, height: height, argb: pixels)
  }

  /// How many pixels differ by more than `tolerance` on any colour channel.
  func countDifferences(from other: PixelImage, tolerance: Int) -> Int {
    guard width == other.width, height == other.height else { return max(argb.count, other.argb.count) }
    var count = 0
    for (mine, theirs) in zip(argb, other.argb) where mine != theirs {
      for shift in [0, 8, 16] {
        if abs(Int((mine >> UInt32(shift)) & 0xFF) - Int((theirs >> UInt32(shift)) & 0xFF)) > tolerance {
          count += 1
          break
        }
      }
    }
    return count
  }
}
