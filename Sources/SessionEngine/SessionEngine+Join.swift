import SessionModel

extension SessionEngine {
  /// Any button takes a seat; directions browse the free avatars; A keeps one.
  mutating func joinPress(_ pad: PadID, _ button: PadButton) {
    if case .lobby = stage { openJoin() }
    guard let index = seatIndex(of: pad) else {
      takeSeat(pad)
      return
    }
    if let direction = PadDirection(button) {
      browseAvatars(index, direction)
    } else if button == .a, !seats[index].isConfirmed {
      seats[index].isConfirmed = true
      consumeHold(of: pad)
      log(.seating(.confirmed(player: seats[index].number, avatar: seats[index].avatar, automatic: nil)))
      play(.confirm)
    }
  }

  mutating func openJoin() {
    stage = .joining(JoinScreen())
    log(.seating(.joinOpened))
  }

  /// A pad that never joined presses A during a game or an evocation: it joins with the first free avatar.
  ///
  /// In a clinical session its seat files under no participant until the therapist says who it
  /// is (``attributeLatecomer(to:)``). The lowest free seat is most often an absent member's, and
  /// nobody checked it as on the join screen: a latecomer's answers filed under someone else would
  /// corrupt both people's data, where answers filed under no one are only held back.
  mutating func joinLate(_ pad: PadID) {
    guard let number = takeSeat(pad, late: true) else { return }
    if !setup.participants.isEmpty { overlays.notice = EngineText.latecomerUnfiled(number) }
    playersChanged()
  }

  /// A digit during a pause: the latecomer still filed under no one is the group's `member`-th
  /// participant (the one seat `member` files on the join screen), unless a seat holds that
  /// participant already. Their answers are filed under that code, those given before too (the
  /// runner files them on this event, and readers of the log through `TakeOwners`).
  mutating func attributeLatecomer(to member: PlayerNumber) {
    guard let index = waitingLatecomer else { return }
    let player = seats[index].number
    guard let code = participant(at: member) else {
      overlays.notice = EngineText.noSuchMember(member, groupSize: setup.participants.count)
      return
    }
    if let holder = seats.first(where: { $0.participant == code }) {
      overlays.notice = EngineText.memberAlreadySeated(code, at: holder.number)
      return
    }
    seats[index].participant = code
    log(.seating(.attributed(player: player, participant: code)))
    // Still paused: the next digit files the next latecomer, whom the notice names.
    overlays.notice = EngineText.latecomerFiled(player, as: code, next: waitingLatecomer.map { seats[$0].number })
  }

  /// The first seat of a player who joined after the start and whom the therapist has not named.
  private var waitingLatecomer: Int? { seats.firstIndex { $0.joinedLate && $0.participant == nil } }

  @discardableResult
  private mutating func takeSeat(_ pad: PadID, late: Bool = false) -> PlayerNumber? {
    let taken = Set(seats.map(\.number))
    let takenAvatars = Set(seats.map(\.avatar))
    guard let number = PlayerNumber.all.first(where: { !taken.contains($0) }),
      let avatar = Avatar.catalogue.first(where: { !takenAvatars.contains($0.id) })
    else {
      log(.seating(.joinRefused(pad: pad, reason: .full)))
      return nil
    }
    let participant = late ? nil : participant(at: number)
    var seat = Seat(number: number, pad: pad, avatar: avatar.id, participant: participant, isConfirmed: late)
    seat.joinedLate = late
    seats.append(seat)
    seats.sort { $0.number < $1.number }
    log(
      .seating(.joined(player: number, pad: pad, avatar: avatar.id, participant: participant, late: late ? true : nil)))
    play(.join)
    return number
  }

  /// Moves to the next avatar nobody else holds, wrapping around the catalogue.
  private mutating func browseAvatars(_ index: Int, _ direction: PadDirection) {
    guard !seats[index].isConfirmed else { return }
    let catalogue = Avatar.catalogue
    let takenByOthers = Set(seats.enumerated().filter { $0.offset != index }.map(\.element.avatar))
    let current = catalogue.firstIndex { $0.id == seats[index].avatar } ?? 0
    for distance in 1..<catalogue.count {
      let candidate = catalogue[(current + direction.step * distance + catalogue.count * distance) % catalogue.count]
      if !takenByOthers.contains(candidate.id) {
        seats[index].avatar = candidate.id
        play(.move)
        return
      }
    }
  }

  /// R on the join screen: every seat is freed, so patients who pressed in the wrong order can
  /// sit down again in the order of the group (player n's answers are filed under its n-th member).
  /// Digits move one pad at a time instead (``seatKey(_:)``).
  mutating func clearSeats() {
    guard !seats.isEmpty else { return }
    cancelSeatSelection()
    log(.seating(.reset(seats: seats.count)))
    seats.removeAll()
    // Everyone sits down again: a seat outside the group must be pointed out again too.
    stage.joinScreen?.warnedSeatsOutsideGroup = []
    overlays.notice = nil
    forgetHeldButtons()
  }

  /// Seats beyond the group's members in a clinical session: their answers are recorded but
  /// filed under no participant, so the therapist is told before the session starts.
  private var seatsOutsideGroup: [PlayerNumber] {
    guard !setup.participants.isEmpty else { return [] }
    return seats.filter { $0.participant == nil }.map(\.number)
  }

  /// Space on the join screen: everyone seated plays, as soon as one player has confirmed.
  mutating func startSession(at now: UInt64) {
    guard seats.contains(where: \.isConfirmed) else {
      overlays.notice = EngineText.waitForAPlayer
      log(.session(.notStarted(reason: .noConfirmedPlayer, seats: nil)))
      return
    }
    let outsideGroup = seatsOutsideGroup
    if !outsideGroup.isEmpty, stage.joinScreen?.warnedSeatsOutsideGroup != outsideGroup {
      // Said once per set of seats: a second Space starts anyway (a visitor may play too).
      stage.joinScreen?.warnedSeatsOutsideGroup = outsideGroup
      overlays.notice = EngineText.seatsOutsideGroup(outsideGroup)
      log(.session(.notStarted(reason: .seatsOutsideGroup, seats: outsideGroup)))
      return
    }
    for index in seats.indices where !seats[index].isConfirmed {
      // NB: a pad that took a seat but never pressed A keeps the avatar it was offered;
      //     dropping it would make that patient start over alone.
      seats[index].isConfirmed = true
      log(.seating(.confirmed(player: seats[index].number, avatar: seats[index].avatar, automatic: true)))
    }
    overlays.notice = nil
    cancelSeatSelection()
    log(.session(.started(players: seats.map(\.number), avatars: seats.map(\.avatar))))
    if setup.firstTrialIndex > 0 {
      let first = setup.session.trials.indices.contains(setup.firstTrialIndex)
      log(.session(.resumedAfterInterruption(fromTrial: first ? setup.session.trials[setup.firstTrialIndex].id : "")))
    }
    startTrial(setup.firstTrialIndex, at: now)
  }
}
