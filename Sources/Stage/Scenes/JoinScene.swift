import SessionModel

extension SceneRenderer {
  /// Seats in a grid of five: avatar on offer between two arrows, its name, and a tick once chosen.
  /// The seat the therapist picked to move gets a thick accent frame and "→ ?" instead of the name.
  func drawJoin(_ join: JoinView) {
    drawTitle(StageStrings.chooseYourAvatar)
    let seats = join.seats.sorted { $0.number < $1.number }
    let rows = seats.count > 5 ? 2 : 1
    let area = Rect(x: 60, y: 160, width: 1800, height: rows == 2 ? 700 : 400)
    for (rowIndex, rowBox) in area.rows(rows, gap: 30).enumerated() {
      let rowSeats = Array(seats.dropFirst(rowIndex * 5).prefix(5))
      for (seat, card) in zip(rowSeats, rowBox.columns(5, gap: 30)) {
        drawSeat(seat, in: card, isSelected: seat.number == join.selectedSeat)
      }
    }
    let hint = Rect(x: 60, y: 900, width: 1800, height: 120)
    if let selected = join.selectedSeat {
      // The therapist is moving a pad: the line under the seats says what the next key does.
      canvas.text(
        say(StageStrings.moveSeat(selected)), style: .bodyBold, in: hint, colour: Palette.accent,
        on: Palette.background)
    } else {
      canvas.text(
        say(StageStrings.pressAToChoose), style: .title, in: hint, colour: Palette.accent, on: Palette.background)
    }
  }

  private func drawSeat(_ seat: JoinSeat, in card: Rect, isSelected: Bool) {
    canvas.fill(card, Palette.panel)
    if seat.isConfirmed { canvas.stroke(card, Palette.agreement, width: 8) }
    // Twice the confirmed frame and in the accent colour, steady rather than blinking.
    if isSelected { canvas.stroke(card, Palette.accent, width: 16) }
    // The code lets the therapist check that the right patient holds this pad: answers are filed under it.
    let seatLabel = seat.participant.map { "\(seat.number.rawValue) · \($0.rawValue)" } ?? "\(seat.number.rawValue)"
    canvas.text(
      seatLabel, style: .bodyBold, in: Rect(x: card.x + 16, y: card.y + 8, width: 220, height: 64),
      alignment: .leading, on: Palette.panel)
    // Low enough that a bouncing avatar never covers the seat's label.
    let centreY = card.y + card.height * 0.49 - lift(seat.pad)
    let diameter = min(160, card.height * 0.45)
    drawAvatar(seat.avatar, centreX: card.midX, centreY: centreY, diameter: diameter)
    if seat.isConfirmed {
      canvas.checkMark(centreX: card.maxX - 44, centreY: card.y + 44, size: 56, Palette.agreement)
    } else {
      canvas.arrow(centreX: card.x + 40, centreY: centreY, size: 44, pointsRight: false, Palette.accent)
      canvas.arrow(centreX: card.maxX - 40, centreY: centreY, size: 44, pointsRight: true, Palette.accent)
    }
    if isSelected {
      canvas.text(
        say(StageStrings.seatGoesWhere), style: .title,
        in: Rect(x: card.x, y: card.maxY - 100, width: card.width, height: 84), colour: Palette.accent,
        on: Palette.panel)
    } else {
      let name = ResolvedAvatar.catalogue[seat.avatar].map { say($0.name) } ?? seat.avatar.rawValue
      canvas.text(
        name, style: .body, in: Rect(x: card.x, y: card.maxY - 84, width: card.width, height: 70), on: Palette.panel)
    }
  }
}
