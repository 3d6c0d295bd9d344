import SessionModel

extension SessionEngine {
  /// A digit on the join screen: the first picks a seated pad, the second says which seat it goes to.
  ///
  /// Patients who sat down in the wrong order are put right one pad at a time, instead of
  /// everyone joining again after R. The same digit twice lets go of the pick.
  mutating func seatKey(_ seat: PlayerNumber) {
    guard let selected = stage.joinScreen?.selectedSeat else {
      guard let index = seatIndex(of: seat) else { return }
      stage.joinScreen?.selectedSeat = seat
      log(.seating(.seatSelected(seat: seat, pad: seats[index].pad)))
      return
    }
    if selected == seat {
      cancelSeatSelection()
    } else {
      moveSeat(from: selected, to: seat)
    }
  }

  /// Lets go of the picked seat, if any; Esc, Backspace, R and leaving the join screen all do it.
  mutating func cancelSeatSelection() {
    guard let selected = stage.joinScreen?.selectedSeat else { return }
    stage.joinScreen?.selectedSeat = nil
    log(.seating(.seatSelectionCancelled(seat: selected)))
  }

  /// The pad of seat `from` sits at seat `to`; the pad already there, if any, takes seat `from`.
  ///
  /// Pads keep their avatar, confirmation and connection; the numbers and participant codes stay
  /// with the seats. A pad unplugged later finds its new seat again, since seats are looked up by pad.
  private mutating func moveSeat(from: PlayerNumber, to: PlayerNumber) {
    stage.joinScreen?.selectedSeat = nil
    guard let moving = seatIndex(of: from) else { return }
    let displaced = seatIndex(of: to)
    let swapped = LoggedEvent.seating(
      .seatsSwapped(from: from, to: to, pad: seats[moving].pad, swappedPad: displaced.map { seats[$0].pad }))
    seats[moving] = seats[moving].moved(to: to, participant: participant(at: to))
    if let displaced { seats[displaced] = seats[displaced].moved(to: from, participant: participant(at: from)) }
    seats.sort { $0.number < $1.number }
    // A notice about the seating (seats outside the group) may no longer be true; Space says it again if so.
    overlays.notice = nil
    // NB: a thumb already holding A when the seats change under it must not give up an avatar afterwards.
    forgetHeldButtons()
    log(swapped)
  }

  /// The group member whose answers seat `number` files, if the group has that many members.
  func participant(at number: PlayerNumber) -> ParticipantCode? {
    setup.participants.indices.contains(number.rawValue - 1) ? setup.participants[number.rawValue - 1] : nil
  }
}
