import Foundation
import SessionModel
import SpeechKit
import Store

/// The page a therapist reads after a session: who came and where they sat, what each patient
/// said in each trial, the scents, the therapist's pauses, redos and skips, and the incidents.
/// Everything comes from the database: the plan, the analysed answers (``AnswerSelection``) and
/// the typed event log.
public struct SessionReport: Sendable {
  public var session: Session
  public var group: ParticipantGroup?
  public var seats: [SeatRow]
  public var answers: [AnswerRow]
  public var scents: [ScentRow]
  public var actions: [LoggedMoment]
  public var incidents: [LoggedMoment]
  /// From the first event to the last the run logged on its own clock (a recovery after a restart
  /// logs on another); nil without a log.
  public var durationSeconds: Double?

  /// A group member, or a patient seated from outside the group.
  public struct SeatRow: Sendable, Hashable {
    public var participant: ParticipantCode
    public var present: Bool
    public var player: PlayerNumber?
    public var avatar: AvatarID?
    public var joinedLate: Bool
    /// What was recorded for this patient at this planned session; nil when presence comes from the log only.
    public var recorded: Attendance?
    public var answers: Int
  }

  /// One patient's answer to one trial, with where each reviewable value comes from.
  public struct AnswerRow: Sendable {
    public var participant: ParticipantCode
    public var trial: Trial
    public var deliveredCondition: Condition
    public var speechDurationSeconds: Double?
    public var speakingTimeSeconds: Double?
    public var words: AnalysedValue<Int>
    /// The coded count when a coder or the consensus gave one; else the automatic count.
    public var memories: Int?
    /// `automatic` when ``memories`` is the automatic count (or none), as `memories_source` says.
    public var memoriesSource: ValueSource
  }

  public struct ScentRow: Sendable, Hashable {
    public var trial: Trial
    public var outcome: ScentDelivery.Outcome
    /// The diffuser's or governor's reason for a refusal, as logged (English).
    public var reason: String?
  }

  /// An event worth a line, `secondsFromStart` after the session's first event.
  public struct LoggedMoment: Sendable, Hashable {
    /// Nil for an event off the run's clock (a recovery after the machine restarted).
    public var secondsFromStart: Double?
    public var trialNumber: Int?
    public var what: LocalizedText
  }

  public init(snapshot: ExportSnapshot, session id: SessionID) throws {
    guard let session = snapshot.sessions.first(where: { $0.id == id }) else {
      throw ReportError.unknownSession(id)
    }
    self.session = session
    group = session.group.flatMap { snapshot.groups[$0] }
    let events = snapshot.events.filter { $0.event.session == id }.sorted { $0.sequence < $1.sequence }.map(\.event)
    let onClock = Self.runClock(events)
    let timed = zip(events, onClock).filter(\.1).map(\.0.monotonicNanoseconds)
    let start = timed.first ?? 0
    durationSeconds = timed.last.map { Double($0 - start) / 1e9 }
    func moment(at index: Int, _ what: LocalizedText) -> LoggedMoment {
      let event = events[index]
      return LoggedMoment(
        secondsFromStart: onClock[index] ? Double(event.monotonicNanoseconds - start) / 1e9 : nil,
        trialNumber: event.kind.trial.flatMap { trial in session.trials.first { $0.id == trial }?.number }, what: what)
    }
    let analysed = snapshot.analysedAnswers.filter { $0.session.id == id }
    answers = analysed.map { answer in
      let memories = answer.memories
      return AnswerRow(
        participant: answer.answer.participant, trial: answer.trial, deliveredCondition: answer.deliveredCondition,
        speechDurationSeconds: answer.speechDurationSeconds, speakingTimeSeconds: answer.measures.speakingTimeSeconds,
        words: answer.words,
        memories: memories.value ?? answer.measures.automaticMemories, memoriesSource: memories.source)
    }
    .sorted { ($0.participant, $0.trial.number) < ($1.participant, $1.trial.number) }
    seats = Self.seats(
      events: events, group: group, answers: answers, session: session, presence: SessionPresence(snapshot: snapshot))
    let deliveries = ScentDeliveryLog.deliveries(of: session, events: events)
    var reasons: [TrialID: String] = [:]
    for event in events {
      if case .scent(.refused(let tag, _, let reason)) = event.kind, let trial = tag?.trial { reasons[trial] = reason }
    }
    scents = session.trials.compactMap { trial in
      deliveries[trial.id].map { ScentRow(trial: trial, outcome: $0.outcome, reason: reasons[trial.id]) }
    }
    actions = events.indices.compactMap { index in
      guard case .operator(let key) = events[index].kind, let what = Self.describe(key.action) else { return nil }
      return moment(at: index, what)
    }
    incidents = events.indices.compactMap { index in Self.incident(events[index].kind).map { moment(at: index, $0) } }
  }

  /// Which of the session's events, in log order, are on the clock of the run that held it.
  ///
  /// The monotonic clock counts from the machine's start, so the events a recovery logs after a
  /// restart read earlier than the run's: the run's clock ends where it first goes back, since a
  /// difference across that point means nothing (it would wrap). Review events carry the reviewing
  /// computer's clock and are never on it. A restart whose new clock has already passed the run's
  /// cannot be told this way: its recovery's events then count, as those of a recovery without a
  /// restart do.
  static func runClock(_ events: [SessionEvent]) -> [Bool] {
    var latest: UInt64 = 0
    var wentBack = false
    return events.map { event in
      if case .review = event.kind { return false }
      wentBack = wentBack || event.monotonicNanoseconds < latest
      latest = max(latest, event.monotonicNanoseconds)
      return !wentBack
    }
  }

  /// Seats from the log's joins (the last seat a patient took); a patient with answers but no join
  /// (a log lost, data imported) is present without a seat. Presence is the recorded attendance
  /// where there is one.
  static func seats(
    events: [SessionEvent], group: ParticipantGroup?, answers: [AnswerRow], session: Session,
    presence: SessionPresence
  ) -> [SeatRow] {
    var joined: [ParticipantCode: (PlayerNumber, AvatarID, Bool)] = [:]
    var avatars: [PlayerNumber: AvatarID] = [:]
    for event in events {
      switch event.kind {
      case .seating(.joined(let player, _, let avatar, let participant, let late)):
        avatars[player] = avatar
        if let participant { joined[participant] = (player, avatar, late ?? false) }
      case .seating(.attributed(let player, let participant)):
        // Only a latecomer is attributed, with the avatar they joined with.
        if let avatar = avatars[player] { joined[participant] = (player, avatar, true) }
      default:
        continue
      }
    }
    let answered = Dictionary(grouping: answers, by: \.participant).mapValues(\.count)
    let everyone = Set(group?.members ?? []).union(joined.keys).union(answered.keys).sorted()
    return everyone.map { code in
      let recorded = presence.attendance(of: code, in: session)
      return SeatRow(
        participant: code,
        present: recorded.map { $0.status != .absent } ?? (joined[code] != nil || answered[code] != nil),
        player: joined[code]?.0, avatar: joined[code]?.1, joinedLate: joined[code]?.2 ?? false, recorded: recorded,
        answers: answered[code] ?? 0)
    }
  }

  static func describe(_ action: OperatorAction) -> LocalizedText? {
    switch action {
    case .pause: LocalizedText(fr: "Pause / reprise (P)", en: "Pause / resume (P)")
    case .redo: LocalizedText(fr: "Refaire (R)", en: "Redo (R)")
    case .skip: LocalizedText(fr: "Passer (S)", en: "Skip (S)")
    case .end: LocalizedText(fr: "Fin demandée (Échap)", en: "End asked (Esc)")
    case .next, .giveFloor, .confirm, .cancel, .toggleHelp: nil
    }
  }

  static func incident(_ kind: LoggedEvent) -> LocalizedText? {
    switch kind {
    case .seating(.disconnected(let player, let pad)):
      LocalizedText(
        fr: "Manette perdue : joueur \(player.rawValue) (manette \(pad.rawValue))",
        en: "Pad lost: player \(player.rawValue) (pad \(pad.rawValue))")
    case .seating(.reconnected(let player, _)):
      LocalizedText(fr: "Manette retrouvée : joueur \(player.rawValue)", en: "Pad back: player \(player.rawValue)")
    case .recording(.recovered(_, let player, _, let frames)):
      LocalizedText(
        fr: "Enregistrement récupéré après interruption : joueur \(player.rawValue), \(frames) échantillons",
        en: "Recording recovered after an interruption: player \(player.rawValue), \(frames) frames")
    case .recording(.failed(let failure)):
      LocalizedText(
        fr: "Échec de l'enregistrement (\(failure.reason ?? "raison inconnue"))",
        en: "Recording failed (\(failure.reason ?? "unknown reason"))")
    case .recording(.incomplete):
      LocalizedText(fr: "Enregistrement incomplet (écriture interrompue)", en: "Recording incomplete (write cut short)")
    case .recording(.unfiled(let take, _, let reason)):
      LocalizedText(
        fr: "Réponse ni classée ni mesurée, fichier laissé tel quel : joueur \(take.player.rawValue) (\(reason))",
        en: "Answer neither filed nor measured, file left as it is: player \(take.player.rawValue) (\(reason))")
    case .session(.diskLow(let reading)):
      LocalizedText(
        fr: "Alerte disque : espace libre bas (\(megabytes(reading.availableBytes)) Mo)",
        en: "Disk warning: free space low (\(megabytes(reading.availableBytes)) MB)")
    case .session(.diskFull(let reading)):
      LocalizedText(
        fr: "Disque plein : réponses non enregistrées (\(megabytes(reading.availableBytes)) Mo libres)",
        en: "Disk full: answers not recorded (\(megabytes(reading.availableBytes)) MB free)")
    case .session(.interrupted(let interruption)):
      LocalizedText(
        fr:
          "Séance interrompue puis récupérée (\(interruption.recoveredRecordings ?? 0) enregistrement(s) récupéré(s))",
        en: "Session interrupted, then recovered (\(interruption.recoveredRecordings ?? 0) recording(s) recovered)")
    case .scent(.linkLost(let transport, _)):
      LocalizedText(fr: "Liaison au diffuseur perdue (\(transport))", en: "Diffuser link lost (\(transport))")
    case .scent(.linkFailed(let transport, _)):
      LocalizedText(fr: "Diffuseur injoignable (\(transport))", en: "Diffuser unreachable (\(transport))")
    default: nil
    }
  }

  private static func megabytes(_ bytes: Int64?) -> String {
    bytes.map { "\($0 / 1_000_000)" } ?? "?"
  }
}
