import SessionModel

extension SessionEngine {
  /// What the screen should show now; ``handle(_:at:)`` sends it whenever it changes.
  public var scene: StageScene {
    // The join screen draws its own seats; every later scene shows the players along the bottom.
    let showsPlayers: Bool
    switch stage.underway {
    case .trial, .ended: showsPlayers = true
    case .lobby, .joining, .paused: showsPlayers = false
    }
    return StageScene(
      content: content, players: showsPlayers ? playerViews : [], overlay: stage.hasEnded ? nil : overlays.top)
  }

  private var content: SceneContent {
    switch stage {
    case .paused: return .pause
    case .lobby: return .lobby(title: setup.title)
    case .joining(let screen):
      return .join(
        JoinView(
          seats: seats.map {
            JoinSeat(
              number: $0.number, pad: $0.pad, avatar: $0.avatar, isConfirmed: $0.isConfirmed,
              participant: $0.participant)
          },
          selectedSeat: screen.selectedSeat))
    case .ended: return .thankYou
    case .trial(let progress):
      switch progress.step {
      case .scentLead: return .lobby(title: EngineText.scentComing)
      case .stimulus: return .stimulus(stimulusView(for: progress.trial))
      case .game(let game): return game.content
      case .evocation(let evocation):
        return .evocation(
          EvocationView(
            image: stimulusView(for: progress.trial).image, speaker: evocation.turn?.speaker,
            waiting: evocation.waiting, isRecording: evocation.turn?.recording.active != nil))
      }
    }
  }

  private var playerViews: [PlayerView] {
    seats.map { seat in seat.view(hasAnswered: hasAnswered(seat.number)) }
  }

  private func hasAnswered(_ player: PlayerNumber) -> Bool {
    guard let progress = stage.trial else { return false }
    switch progress.step {
    case .game(let game): return game.hasLocked(player)
    case .evocation: return progress.answered.contains(player)
    case .scentLead, .stimulus: return false
    }
  }

  func stimulusView(for trial: Trial) -> StimulusView {
    let stimulus = setup.stimuli[trial.stimulus]
    return StimulusView(
      stimulus: trial.stimulus, image: stimulus?.image ?? "stimuli/\(trial.stimulus.rawValue).svg",
      caption: stimulus?.caption, scentIsReleasing: scentLedger.active != nil)
  }
}
