import Foundation
import SessionModel
import Store

/// Chooses, for each planned answer (participant x planned trial of a planned session), the one
/// take the analysis tables count.
///
/// The rule: across every run of the same planned session (same study, group and session number),
/// the take recorded last wins. A take's place is that of the last `recording.started` of that
/// participant and trial in its run, in the order the log received its events (their sequence
/// number, written as they happen): a take recovered after a crash ranks by when it was recorded,
/// not by when `db recover` filed it, and a computer whose clock went back between two runs (no
/// battery-backed clock, a time correction) cannot rank the earlier run's take last, as wall
/// clocks would. A run's later redo has already replaced its earlier takes in the database. Ties,
/// and takes whose run logged no recording, fall back on the run's first event, then on the
/// session id. Every take stays in the database and the log.
///
/// It runs once per export run, when the ``ExportSnapshot`` is made; every output reads
/// ``ExportSnapshot/analysedAnswers``.
public enum AnswerSelection {
  /// The chosen takes of the snapshot's measured answers, in schedule order (planned date, study,
  /// group, session number, trial number, participant).
  static func analysedAnswers(of snapshot: ExportSnapshot) -> [AnalysedAnswer] {
    let sessions = Dictionary(snapshot.sessions.map { ($0.id, $0) }) { first, _ in first }
    let eventsBySession = Dictionary(grouping: snapshot.events.map(\.event), by: \.session)
    let times = TakeTimes(events: snapshot.events)
    var candidates: [PlannedAnswer: [AnalysedAnswer]] = [:]
    var deliveries: [SessionID: [TrialID: ScentDelivery]] = [:]
    for measures in snapshot.measures {
      let answer = measures.answer
      guard let session = sessions[answer.session], let trial = session.trials.first(where: { $0.id == answer.trial })
      else { continue }
      if deliveries[session.id] == nil {
        deliveries[session.id] = ScentDeliveryLog.deliveries(of: session, events: eventsBySession[session.id] ?? [])
      }
      var candidate = AnalysedAnswer(
        session: session, trial: trial, group: session.group.flatMap { snapshot.groups[$0] }, measures: measures,
        recording: snapshot.recordings[answer], coding: snapshot.latestCodings[answer], takes: 1,
        scent: deliveries[session.id]?[trial.id])
      candidate.review = snapshot.reviews[answer] ?? AnswerReview()
      candidate.participant = snapshot.participants[answer.participant]
      candidates[candidate.planned, default: []].append(candidate)
    }
    let chosen = candidates.values.map { takes in
      var last = takes.max { times.rank(of: $0.answer) < times.rank(of: $1.answer) }!
      last.takes = takes.count
      return last
    }
    return chosen.sorted { order($0) < order($1) }
  }

  private static func order(_ answer: AnalysedAnswer) -> (Int, String, String, Int, Int, String) {
    (
      answer.session.date.daysSinceEpoch, answer.session.study?.rawValue ?? "", answer.session.group?.rawValue ?? "",
      answer.session.number, answer.trial.number, answer.answer.participant.rawValue
    )
  }

  /// When each take was recorded, as the order of the log says.
  private struct TakeTimes {
    var recorded: [AnswerKey: Int64] = [:]
    var runStarted: [SessionID: Int64] = [:]

    init(events: [StoredEvent]) {
      let owners = TakeOwners(events.map(\.event))
      for stored in events {
        let event = stored.event
        runStarted[event.session] = min(runStarted[event.session] ?? stored.sequence, stored.sequence)
        guard case .recording(.started(let take)) = event.kind,
          let participant = owners.participant(of: take, in: event.session)
        else { continue }
        let key = AnswerKey(session: event.session, trial: take.trial, participant: participant)
        recorded[key] = max(recorded[key] ?? stored.sequence, stored.sequence)
      }
    }

    func rank(of answer: AnswerKey) -> Rank {
      Rank(
        recorded: recorded[answer] ?? -1, runStarted: runStarted[answer.session] ?? -1, session: answer.session.rawValue
      )
    }
  }

  private struct Rank: Comparable {
    var recorded: Int64
    var runStarted: Int64
    var session: String

    static func < (lhs: Rank, rhs: Rank) -> Bool {
      (lhs.recorded, lhs.runStarted, lhs.session) < (rhs.recorded, rhs.runStarted, rhs.session)
    }
  }
}
