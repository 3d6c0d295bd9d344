/// Runs that continue one another: a run killed mid-session, the run that resumed it
/// (`runner.started` names it in `resumes`), the run that resumed that one, and so on.
///
/// One chain is one sitting of a planned session, however many times it was killed and resumed:
/// what a run finished, and who made a session up in it, belong to the whole chain. Two runs of
/// the same planned session that do not resume one another (a group's run and a catch-up run of
/// the same session, or a session run again) are two chains.
public struct RunChains: Sendable {
  /// Each run that resumed another, with the run it resumed.
  private let resumed: [SessionID: SessionID]

  /// The chains the `runner.started` events among `events` describe; other events are ignored.
  public init(_ events: some Sequence<SessionEvent>) {
    var resumed: [SessionID: SessionID] = [:]
    for event in events {
      guard case .session(.runnerStarted(let start)) = event.kind, let earlier = start.resumedRun else { continue }
      resumed[event.session] = earlier
    }
    self.resumed = resumed
  }

  /// `run`, then the run it resumed, then the one that run resumed, back to the chain's first run.
  public func runs(resumedBy run: SessionID) -> [SessionID] {
    var chain = [run]
    var seen: Set<SessionID> = [run]
    // A damaged log could name a loop; each run is taken once.
    while let earlier = resumed[chain[chain.count - 1]], seen.insert(earlier).inserted {
      chain.append(earlier)
    }
    return chain
  }

  /// The run that began `run`'s chain (`run` itself when it resumed nothing).
  public func firstRun(of run: SessionID) -> SessionID {
    runs(resumedBy: run).last ?? run
  }

  /// Whether `run` and `other` belong to one chain: the same first run.
  public func areOneChain(_ run: SessionID, _ other: SessionID) -> Bool {
    firstRun(of: run) == firstRun(of: other)
  }
}
