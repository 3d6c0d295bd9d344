/// A rectangle in design units: the 1920×1080 screen the layouts are drawn for.
struct Rect: Hashable, Sendable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  static let screen = Rect(x: 0, y: 0, width: Rect.designWidth, height: Rect.designHeight)
  static let designWidth = 1920.0
  static let designHeight = 1080.0

  var maxX: Double { x + width }
  var maxY: Double { y + height }
  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }

  func inset(by amount: Double) -> Rect {
    Rect(x: x + amount, y: y + amount, width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
  }

  func offsetBy(dx: Double = 0, dy: Double = 0) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }

  func contains(_ other: Rect) -> Bool {
    other.x >= x - 0.5 && other.y >= y - 0.5 && other.maxX <= maxX + 0.5 && other.maxY <= maxY + 0.5
  }

  /// The largest rectangle of the given aspect that fits inside, centred.
  func fitting(aspect: Double) -> Rect {
    guard aspect > 0, width > 0, height > 0 else { return self }
    if width / height > aspect {
      let fitted = height * aspect
      return Rect(x: x + (width - fitted) / 2, y: y, width: fitted, height: height)
    }
    let fitted = width / aspect
    return Rect(x: x, y: y + (height - fitted) / 2, width: width, height: fitted)
  }

  /// `count` equal cells in a row with `gap` between them.
  func columns(_ count: Int, gap: Double) -> [Rect] {
    guard count > 0 else { return [] }
    let cell = (width - gap * Double(count - 1)) / Double(count)
    return (0..<count).map { Rect(x: x + Double($0) * (cell + gap), y: y, width: cell, height: height) }
  }

  func rows(_ count: Int, gap: Double) -> [Rect] {
    guard count > 0 else { return [] }
    let cell = (height - gap * Double(count - 1)) / Double(count)
    return (0..<count).map { Rect(x: x, y: y + Double($0) * (cell + gap), width: width, height: cell) }
  }

  static func centred(at x: Double, _ y: Double, width: Double, height: Double) -> Rect {
    Rect(x: x - width / 2, y: y - height / 2, width: width, height: height)
  }
}
