import ArgumentParser
import SessionModel
import Store

/// `connectage session make-up P03 --study S --group G01 --session 3 --in RUN`: P03's missed session
/// 3 of G01 was made up in run RUN (a catch-up run of the same planned session, or another group's).
struct SessionMakeUpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-up",
    abstract: "Record that a participant made up a missed session in another run (rattrapage).",
    discussion: """
      The run must be of the same planned session number. A catch-up run of the participant's own
      group ('run … --group G01 --session 3 --make-up P03') plays that session's trial order and is
      recorded by itself; use this command when the participant joined another group's run. The
      missed session must already be recorded as absent ('session attendance --absent'). A run that
      was interrupted and resumed is one make-up: any of its runs may be given, and the first one is
      recorded.
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var planned: PlannedSessionOptions

  @Argument(help: "The participant who made the session up.") var participant: String
  @Option(name: .customLong("in"), help: "The run id where it was made up (see measures.csv session_id).")
  var madeUpIn: String

  func run() throws {
    let code = try ParticipantCodeArgument.parse(participant)
    let recorded = try store.withDatabase { database in
      _ = try planned.registeredGroup(in: database)
      return try Self.recordMakeUp(
        of: code, planned: planned, in: SessionID(madeUpIn), database: database)
    }
    let resumed =
      recorded.rawValue == madeUpIn
      ? LocalizedText(fr: "", en: "")
      : LocalizedText(
        fr: " (que \(madeUpIn) a repris après une interruption)",
        en: " (which \(madeUpIn) resumed after an interruption)")
    Terminal.say(
      LocalizedText(
        fr: "Séance \(planned.session) de \(planned.group) rattrapée par \(code) dans \(recorded)\(resumed.french).",
        en: "Session \(planned.session) of \(planned.group) made up by \(code) in \(recorded)\(resumed.english)."))
  }

  /// Records the make-up under the first run of `run`'s chain (`RunChains`), the run
  /// `made_up_in_session_id` names whichever run of an interrupted and resumed make-up is given;
  /// returns that run.
  static func recordMakeUp(
    of participant: ParticipantCode, planned: PlannedSessionOptions, in run: SessionID, database: SessionDatabase
  ) throws -> SessionID {
    guard let session = try database.sessions.fetch(run), session.number == planned.session else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "--in : \(run) n'est pas une séance numéro \(planned.session) enregistrée. Un rattrapage se fait dans une séance du même numéro prévu.",
          en:
            "--in: \(run) is not a recorded session number \(planned.session). A make-up happens in a session of the same planned number."
        ))
    }
    let missed = try database.attendance.fetchAll(study: StudyID(planned.study)).first {
      $0.group == GroupID(planned.group) && $0.sessionNumber == planned.session && $0.participant == participant
    }
    guard var missed, missed.status == .absent else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "\(participant) n'est pas enregistré absent à la séance \(planned.session) de \(planned.group) : enregistrez d'abord l'absence (« connectage session attendance --absent \(participant)=motif »).",
          en:
            "\(participant) is not recorded absent from session \(planned.session) of \(planned.group): record the absence first ('connectage session attendance --absent \(participant)=reason')."
        ))
    }
    let first = try database.eventLog.runChains().firstRun(of: run)
    missed.madeUpIn = first
    try database.attendance.record(missed)
    return first
  }
}
