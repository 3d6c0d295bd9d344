import SessionModel

/// Where a ``ConsoleView``'s parts go on the 1920×1080 design screen; the renderer draws them
/// there and the Stage finds which row a click landed on with the same frames.
struct ConsoleLayout {
  static let title = Rect(x: 60, y: 24, width: 1800, height: 110)
  static let subtitle = Rect(x: 60, y: 134, width: 1800, height: 76)
  static let keys = Rect(x: 60, y: 980, width: 1800, height: 84)
  static let rowHeight = 78.0
  static let rowGap = 8.0
  static let rowsTop = 226.0
  /// The right-hand column, for the meter, the seats and the verdict.
  static let side = Rect(x: 1180, y: rowsTop, width: 680, height: 740)

  let rows: [Rect]

  init(_ view: ConsoleView) {
    let width = Self.hasSide(view) ? 1080.0 : 1800.0
    rows = view.rows.indices.map {
      Rect(x: 60, y: Self.rowsTop + Double($0) * (Self.rowHeight + Self.rowGap), width: width, height: Self.rowHeight)
    }
  }

  static func hasSide(_ view: ConsoleView) -> Bool { view.verdict != nil || view.meter != nil || !view.seats.isEmpty }

  /// The row under the point, in design units.
  func row(atX x: Double, y: Double) -> Int? {
    rows.firstIndex { x >= $0.x && x < $0.maxX && y >= $0.y && y < $0.maxY }
  }
}

extension SceneRenderer {
  /// Rows on panels, the chosen one framed in the accent colour; the conclusion on the right.
  func drawConsole(_ view: ConsoleView) {
    drawTitle(view.title, in: ConsoleLayout.title)
    if let subtitle = view.subtitle {
      canvas.text(
        say(subtitle), style: .body, in: ConsoleLayout.subtitle, colour: Palette.accent, on: Palette.background)
    }
    let layout = ConsoleLayout(view)
    for (index, (row, frame)) in zip(view.rows, layout.rows).enumerated() {
      drawConsoleRow(row, in: frame, isSelected: index == view.selectedRow)
    }
    var side = ConsoleLayout.side
    if let meter = view.meter {
      drawMeter(meter, in: Rect(x: side.x, y: side.y, width: side.width, height: 120))
      side = Rect(x: side.x, y: side.y + 150, width: side.width, height: side.height - 150)
    }
    if !view.seats.isEmpty {
      drawSeatLights(view.seats, in: Rect(x: side.x, y: side.y, width: side.width, height: 300))
      side = Rect(x: side.x, y: side.y + 330, width: side.width, height: side.height - 330)
    }
    if let verdict = view.verdict { drawVerdict(verdict, in: side) }
    canvas.text(say(view.keys), style: .body, in: ConsoleLayout.keys, on: Palette.background)
  }

  /// A row is one line high: the label and the value each stay on one line. The value takes the
  /// width it needs (up to what leaves the label half the row); whichever still does not fit is
  /// shortened in the middle rather than wrapped over the next row.
  private func drawConsoleRow(_ row: ConsoleRow, in frame: Rect, isSelected: Bool) {
    canvas.fill(frame, Palette.panel)
    if isSelected { canvas.stroke(frame, Palette.accent, width: 6) }
    let marker = Self.colour(of: row.tone)
    if let marker { canvas.fillCircle(centreX: frame.x + 30, centreY: frame.midY, radius: 13, marker) }
    let labelStyle: TextStyle = isSelected ? .bodyBold : .body
    let inner = frame.width - 90
    let gap = 30.0
    var label = say(row.label)
    var value = row.value.map { row.isAdjustable && isSelected ? "‹ \(say($0)) ›" : say($0) }
    var valueWidth = 0.0
    if let text = value {
      let labelNeeds = canvas.width(of: label, style: labelStyle)
      valueWidth = min(canvas.width(of: text, style: .body), max(inner - gap - labelNeeds, inner / 2))
      value = canvas.fitted(text, style: .body, width: valueWidth)
    }
    let labelWidth = value == nil ? inner : inner - gap - valueWidth
    label = canvas.fitted(label, style: labelStyle, width: labelWidth)
    canvas.text(
      label, style: labelStyle, in: Rect(x: frame.x + 60, y: frame.y, width: labelWidth, height: frame.height),
      alignment: .leading, colour: isSelected ? Palette.accent : Palette.text, on: Palette.panel)
    if let value {
      canvas.text(
        value, style: .body,
        // One unit of slack: the width measured must not round below the text's own.
        in: Rect(x: frame.maxX - 31 - valueWidth, y: frame.y, width: valueWidth + 1, height: frame.height),
        alignment: .trailing,
        colour: row.tone == .good ? Palette.agreement : row.tone == .neutral ? Palette.text : Palette.accent,
        on: Palette.panel)
    }
  }

  /// Green for good, warm yellow for a warning, the recording's coral for a problem: a marker
  /// beside words that say the same, never a colour alone.
  private static func colour(of tone: ConsoleTone) -> Colour? {
    switch tone {
    case .neutral: nil
    case .good: Palette.agreement
    case .warning: Palette.accent
    case .problem: Palette.recording
    }
  }

  private func drawMeter(_ meter: LevelMeter, in box: Rect) {
    canvas.fill(box, Palette.panel)
    let bar = box.inset(by: 20)
    let level = min(1, max(0, meter.level))
    let peak = min(1, max(0, meter.peak))
    let colour =
      peak >= meter.clipsAt ? Palette.recording : level < meter.quietBelow ? Palette.accent : Palette.agreement
    canvas.fill(Rect(x: bar.x, y: bar.y, width: bar.width * level, height: bar.height), colour)
    canvas.fill(Rect(x: bar.x + bar.width * peak - 3, y: bar.y, width: 6, height: bar.height), Palette.text)
    for bound in [meter.quietBelow, meter.clipsAt] {
      canvas.fill(Rect(x: bar.x + bar.width * bound - 2, y: box.y, width: 4, height: box.height), Palette.faded)
    }
  }

  private func drawSeatLights(_ seats: [SeatLight], in box: Rect) {
    for (rowIndex, rowBox) in box.rows(2, gap: 20).enumerated() {
      for (seat, cell) in zip(seats.dropFirst(rowIndex * 5).prefix(5), rowBox.columns(5, gap: 16)) {
        let radius = min(cell.width, cell.height) / 2 - 6
        if seat.isLit {
          canvas.fillCircle(centreX: cell.midX, centreY: cell.midY, radius: radius, Palette.accent)
          canvas.text(
            "\(seat.number.rawValue)", style: .bodyBold, in: cell, colour: Palette.background, on: Palette.accent)
        } else {
          canvas.ring(centreX: cell.midX, centreY: cell.midY, radius: radius, width: 5, Palette.faded)
          canvas.text("\(seat.number.rawValue)", style: .body, in: cell, on: Palette.background)
        }
      }
    }
  }

  private func drawVerdict(_ verdict: ConsoleVerdict, in box: Rect) {
    canvas.fill(box, Palette.panel)
    if let colour = Self.colour(of: verdict.tone) {
      canvas.fill(Rect(x: box.x, y: box.y, width: 14, height: box.height), colour)
    }
    let inner = Rect(x: box.x + 40, y: box.y + 20, width: box.width - 70, height: box.height - 40)
    let headline = canvas.text(
      say(verdict.headline), style: .bodyBold, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 220),
      alignment: .leading, colour: verdict.tone == .good ? Palette.agreement : Palette.accent, on: Palette.panel)
    if let advice = verdict.advice {
      let top = max(headline.maxY, inner.y + 60) + 30
      canvas.text(
        say(advice), style: .body, in: Rect(x: inner.x, y: top, width: inner.width, height: inner.maxY - top),
        alignment: .leading, on: Palette.panel)
    }
  }
}
