import SessionModel

extension SessionEngine {
  /// What must hold between any two inputs, beyond what the shape of ``SessionStage`` already
  /// guarantees; empty when all is well. Tests check it after every input of every transcript and walk.
  var brokenInvariants: [String] {
    var broken: [String] = []
    func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
      if !condition { broken.append(message()) }
    }
    let numbers = seats.map(\.number)
    expect(numbers == numbers.sorted(), "seats out of order: \(numbers)")
    expect(Set(numbers).count == seats.count, "two seats share a number")
    expect(Set(seats.map(\.pad)).count == seats.count, "two seats share a pad")
    expect(Set(seats.map(\.avatar)).count == seats.count, "two seats share an avatar")
    let seated = Set(numbers)
    switch stage {
    case .paused(let interrupted):
      if case .trial(let progress) = interrupted {
        expect(progress.turn?.recording.active == nil, "a recording runs during the pause")
      }
    case .lobby:
      expect(seats.isEmpty, "seats taken before the join screen opened")
    case .ended:
      expect(scentLedger.active == nil, "a scent still releases after the end")
      expect(overlays == Overlays(), "something is laid over the thank-you scene")
    case .joining, .trial:
      break
    }
    if let screen = stage.joinScreen, let selected = screen.selectedSeat {
      expect(seated.contains(selected), "the picked seat \(selected) is empty")
    }
    if let progress = stage.trial {
      let trials = setup.session.trials
      expect(
        trials.indices.contains(progress.index) && trials[progress.index] == progress.trial,
        "trial \(progress.trial.id) is not the session's trial number \(progress.index + 1)")
      expect(progress.answered.isSubset(of: seated), "a player who never sat down answered")
      switch progress.step {
      case .scentLead(let lead):
        expect(!lead.isAcknowledged || lead.requestedAt != nil, "a release acknowledged before it was requested")
        expect(lead.requestedAt.map { $0 >= lead.releaseAt } ?? true, "a release requested before its time")
      case .stimulus:
        break
      case .game(let game):
        expect(gameKind(for: progress.trial) == game.kind, "trial \(progress.trial.id) plays a game it does not have")
      case .evocation(let evocation):
        expect(Set(evocation.waiting).count == evocation.waiting.count, "a player waits twice for the floor")
        expect(Set(evocation.waiting).isSubset(of: seated), "a player who never sat down waits for the floor")
        if let turn = evocation.turn {
          expect(!evocation.waiting.contains(turn.speaker), "the speaker also waits for the floor")
          expect(progress.answered.contains(turn.speaker), "the speaker is not counted as having answered")
          expect(progress.turns >= 1, "a speaker without a turn number")
          expect(turn.recording != .cutByPause || stage.isPaused, "a recording cut by a pause that is over")
          if let active = turn.recording.active {
            let request = active.request
            expect(setup.recordsAnswers, "an animation session records")
            expect(
              request.trial == progress.trial.id && request.player == turn.speaker && request.turn == progress.turns
                && request.redo == turn.redo,
              "the recording \(request) is not the speaker's current take")
          }
        }
      }
    }
    return broken
  }
}
