import Foundation
import SessionModel

extension SyntheticTrial {
  /// One session's log as the engine and the runner write it, a few seconds between events.
  struct SessionLog {
    let session: Session
    let start: Date
    private(set) var events: [SessionEvent] = []
    private var clock: UInt64 = 10_000_000_000

    init(session: Session, start: Date) {
      self.session = session
      self.start = start
      add(.session(.opened(SessionOpening(session: session.id, kind: .clinical, trials: session.trials.count))))
    }

    var wallClock: Date { start.addingTimeInterval(Double(clock - 10_000_000_000) / 1e9) }

    mutating func add(_ kind: LoggedEvent, after seconds: Double = 2) {
      clock += UInt64(seconds * 1e9)
      events.append(SessionEvent(session: session.id, monotonicNanoseconds: clock, wallClock: wallClock, kind))
    }

    /// Each present patient takes the seat of their place in the group, with the avatar of that seat.
    mutating func seat(_ seats: [(PlayerNumber, ParticipantCode)]) {
      add(.seating(.joinOpened))
      for (player, code) in seats {
        add(
          .seating(
            .joined(
              player: player, pad: PadID(rawValue: player.rawValue), avatar: avatar(player), participant: code,
              late: false)))
      }
      add(.session(.started(players: seats.map(\.0), avatars: seats.map { avatar($0.0) })))
    }

    private func avatar(_ player: PlayerNumber) -> AvatarID { AvatarID(rawValue: "avatar\(player.rawValue)") }

    /// A trial with its scent (released or refused) and, in sessions 3, 5 and 7, the therapist's
    /// pause, redo or skip during its second trial.
    mutating func trial(_ trial: Trial, scentRefused: Bool, players: Int) {
      let tag = TrialTag(trial: trial.id, number: trial.number)
      add(
        .trial(
          .started(tag, condition: trial.condition, stimulus: trial.stimulus, game: trial.game, scent: trial.scent)),
        after: 10)
      if let scent = trial.scent {
        add(.scent(.requested(tag, scent: scent, slot: nil, intensity: 60, durationMilliseconds: 8_000)), after: 0.1)
        if scentRefused {
          add(.scent(.refused(tag, scent: scent, reason: "cartridge empty")), after: 0.2)
        } else {
          add(
            .scent(
              .released(
                ScentRelease(
                  trial: tag, scent: scent, startedAtNanoseconds: nil, endsAtNanoseconds: nil,
                  acknowledgedAtNanoseconds: nil))), after: 0.2)
        }
      }
      add(.trial(.stimulusShown(tag, stimulus: trial.stimulus, image: "\(trial.stimulus.rawValue).png")))
      add(.trial(.evocationStarted(tag)), after: 20)
      if trial.number == 2 {
        switch session.number {
        case 3:
          add(.operator(OperatorLogEvent(action: .pause, trial: tag, stage: "evocation")))
          add(.session(.paused(tag)), after: 0)
          add(.operator(OperatorLogEvent(action: .pause, trial: tag, stage: "evocation")), after: 60)
          add(.session(.resumed(tag)), after: 0)
        case 5:
          add(.operator(OperatorLogEvent(action: .redo, trial: tag, stage: "evocation")))
          add(.trial(.answerRedone(tag, player: PlayerNumber(rawValue: 1)!, turn: 1, redo: 1)), after: 0)
        case 7:
          add(.operator(OperatorLogEvent(action: .skip, trial: tag, stage: "stimulus")))
        default: break
        }
      }
      add(.trial(.ended(tag, reason: .completed, turns: players)), after: 30 * Double(players))
    }

    /// A pad lost and back in session 2, a recording recovered in session 6, a disk warning in session 8.
    mutating func incidents(number: Int, players: [PlayerNumber]) {
      if number == 2, let player = players.dropFirst().first {
        add(.seating(.disconnected(player: player, pad: PadID(rawValue: player.rawValue))))
        add(.seating(.reconnected(player: player, pad: PadID(rawValue: player.rawValue))), after: 15)
      }
      if number == 6, let player = players.first {
        add(.recording(.recovered(trial: "T1", player: player, participant: nil, frames: 48_000)))
      }
      if number == 8 {
        add(
          .session(
            .diskLow(
              DiskSpaceReading(availableBytes: 900_000_000, floorBytes: 200_000_000, warningBytes: 1_000_000_000))
          ))
      }
      add(.session(.ended(reason: .completed)))
    }
  }
}
