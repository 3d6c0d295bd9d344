import SessionModel

extension SessionEngine {
  mutating func handlePad(_ input: PadInput, at now: UInt64) {
    switch input {
    case .connected(let pad, _): padConnected(pad)
    case .disconnected(let pad): padDisconnected(pad, at: now)
    case .pressed(let pad, let button): padPressed(pad, button, at: now)
    case .released(let pad, let button): if button == .a { padReleasedA(pad, at: now) }
    }
  }

  func seatIndex(of pad: PadID) -> Int? { seats.firstIndex { $0.pad == pad } }
  func seatIndex(of player: PlayerNumber) -> Int? { seats.firstIndex { $0.number == player } }
  var connectedPlayers: [PlayerNumber] { seats.filter(\.isConnected).map(\.number) }

  private mutating func padConnected(_ pad: PadID) {
    pads[pad] = PadState()
    guard let index = seatIndex(of: pad), !seats[index].isConnected else { return }
    reconnect(index)
  }

  private mutating func reconnect(_ index: Int) {
    seats[index].isConnected = true
    log(.seating(.reconnected(player: seats[index].number, pad: seats[index].pad)))
    playersChanged()
  }

  private mutating func padDisconnected(_ pad: PadID, at now: UInt64) {
    pads[pad] = nil
    guard let index = seatIndex(of: pad), seats[index].isConnected else { return }
    seats[index].isConnected = false
    log(.seating(.disconnected(player: seats[index].number, pad: pad)))
    playersChanged()
    revealIfEveryoneLocked()
  }

  private mutating func padPressed(_ pad: PadID, _ button: PadButton, at now: UInt64) {
    guard !stage.isPaused, !overlays.isConfirmingEnd else { return }
    var state = pads[pad] ?? PadState()
    let isTremor = state.lastPressAt.map { now >= $0 && now - $0 < Self.tremorIntervalNanoseconds } ?? false
    state.lastPressAt = now
    if !isTremor, button == .a {
      state.aHeldSince = now
      state.longPressFired = false
    }
    pads[pad] = state
    guard !isTremor else { return }
    if let index = seatIndex(of: pad), !seats[index].isConnected { reconnect(index) }
    switch stage {
    case .lobby, .joining: joinPress(pad, button)
    case .trial(let progress): trialPress(pad, button, in: progress.step, at: now)
    case .paused, .ended: break
    }
  }

  /// The press that just kept something can never turn into the long press that gives it up,
  /// however slowly the thumb lets go.
  mutating func consumeHold(of pad: PadID) {
    pads[pad]?.longPressFired = true
  }

  private mutating func padReleasedA(_ pad: PadID, at now: UInt64) {
    guard var state = pads[pad], let since = state.aHeldSince else { return }
    let fires = !state.longPressFired && now >= since + Self.longPressNanoseconds && !stage.isPaused
    state.aHeldSince = nil
    state.longPressFired = false
    pads[pad] = state
    if fires { longPress(pad) }
  }

  /// Fires the long presses whose time has come while A is still held.
  mutating func fireLongPresses(at now: UInt64) {
    guard !stage.isPaused, pads.values.contains(where: { $0.aHeldSince != nil && !$0.longPressFired }) else { return }
    for pad in pads.keys.sorted() {
      guard let since = pads[pad]?.aHeldSince, pads[pad]?.longPressFired == false,
        now >= since + Self.longPressNanoseconds
      else { continue }
      pads[pad]?.longPressFired = true
      longPress(pad)
    }
  }

  /// Lets go of every held A, so that a pause never ends in a surprise long press.
  mutating func forgetHeldButtons() {
    for pad in pads.keys { pads[pad]?.aHeldSince = nil }
  }

  private mutating func longPress(_ pad: PadID) {
    guard let index = seatIndex(of: pad) else { return }
    let player = seats[index].number
    switch stage {
    case .joining where seats[index].isConfirmed:
      seats[index].isConfirmed = false
      log(.seating(.choosingAgain(player: player, avatar: seats[index].avatar)))
      play(.move)
    case .trial:
      unlockAnswer(of: player)
    case .lobby, .joining, .paused, .ended: break
    }
  }

  private mutating func trialPress(_ pad: PadID, _ button: PadButton, in step: TrialStep, at now: UInt64) {
    guard let index = seatIndex(of: pad) else {
      switch step {
      case .game, .evocation: if button == .a { joinLate(pad) }
      case .scentLead, .stimulus: break
      }
      return
    }
    let player = seats[index].number
    switch step {
    case .game: gamePress(player, button, at: now)
    case .evocation: if button == .a { askForFloor(player) }
    case .scentLead, .stimulus: break
    }
  }
}
