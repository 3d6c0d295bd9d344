import Foundation
import SessionModel

/// A linear value axis with "nice" ticks (steps of 1, 2 or 5 times a power of ten) that always
/// include the data and zero when the data are all positive and close to it.
struct PlotAxis {
  var low: Double
  var high: Double
  var ticks: [Double]
  var step: Double

  init(values: [Double]) {
    let finite = values.filter(\.isFinite)
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if low >= 0 && low <= high / 2 { low = 0 }
    // A span wider than a Double holds gives no ticks: such values come only from outside ConnectAge.
    if !(high - low).isFinite {
      low = 0
      high = 1
    } else if high - low < 1e-9 {
      high += 1
      low = max(0, low - 1)
    }
    let rough = (high - low) / 5
    let power = pow(10, (log10(rough)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
    self.low = (low / step).rounded(.down) * step
    self.high = (high / step).rounded(.up) * step
    self.step = step
    ticks = stride(from: self.low, through: self.high + step / 2, by: step).map { ($0 / step).rounded() * step }
  }

  /// The tick's label in the reader's language: French writes a decimal comma.
  func label(_ value: Double, language: Language) -> String {
    let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
    var text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
    return language == .french ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  /// Maps a value to a y coordinate between `bottom` and `top` (SVG y grows downwards).
  func y(_ value: Double, top: Double, bottom: Double) -> Double {
    bottom - (value - low) / (high - low) * (bottom - top)
  }
}
