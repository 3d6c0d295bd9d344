extension LoggedEvent {
  /// The trial the event belongs to: the engine's tag, or the trial of the take it is about; nil
  /// for what concerns the whole session (and for unknown events).
  public var trial: TrialID? {
    switch self {
    case .recording(.started(let take)), .recording(.stopped(let take, _)), .recording(.incomplete(let take, _, _, _)),
      .recording(.unfiled(let take, _, _)):
      take.trial
    case .recording(.failed(let failure)): failure.trial?.trial ?? failure.take?.trial
    case .recording(.recovered(let trial, _, _, _)), .recording(.superseded(let trial, _, _, _, _, _)): trial
    default: trialTag?.trial
    }
  }

  /// The trial the engine tagged the event with (`trial`, `trialNumber`).
  public var trialTag: TrialTag? {
    switch self {
    case .session(.paused(let tag)), .session(.resumed(let tag)): tag
    case .session, .seating, .review, .attendance, .unknown: nil
    case .recording(.failed(let failure)): failure.trial
    case .recording: nil
    case .operator(let press): press.trial
    case .trial(let event):
      switch event {
      case .started(let tag, _, _, _, _), .ended(let tag, _, _): tag
      case .stimulusShown(let tag, _, _), .stimulusPresented(let tag, _, _), .stimulusReplayed(let tag),
        .evocationStarted(let tag), .floorAsked(let tag, _), .floorGiven(let tag, _, _, _),
        .turnEnded(let tag, _, _, _), .turnResumed(let tag, _, _), .answerRedone(let tag, _, _, _):
        tag
      }
    case .game(let event):
      switch event {
      case .started(let tag, _, _), .skipped(let tag, _, _), .answer(let tag, _, _, _), .flip(let tag, _, _, _, _),
        .place(let tag, _, _, _, _, _, _),
        .finished(let tag, _, _), .revealed(let tag, _), .nextPicture(let tag, _, _), .ended(let tag, _, _, _),
        .restarted(let tag, _), .answerReopened(let tag, _):
        tag
      }
    case .scent(let event):
      switch event {
      case .requested(let tag, _, _, _, _), .delayed(let tag, _, _), .skipped(let tag, _, _), .refused(let tag, _, _),
        .unconfirmed(let tag, _, _), .ended(let tag, _), .stopped(let tag, _):
        tag
      case .released(let release), .releasedLate(let release): release.trial
      case .linkConnected, .linkClosed, .linkFailed, .linkLost, .linkReconnecting, .deviceInfo, .fault,
        .releaseRefused, .releaseSent, .releaseAcknowledged, .releaseEnded, .answerLate, .purgeSent,
        .purgeAcknowledged, .stopSent, .stopAcknowledged, .timeout, .protocolError, .commandRejected, .commandFailed:
        nil
      }
    }
  }
}
