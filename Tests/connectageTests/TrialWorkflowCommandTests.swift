import Foundation
import SessionModel
import Store
import Testing

/// The therapist's trial steps from the command line, on ESPOIR-AVC: inclusion, proposed groups,
/// attendance and make-ups, the per-participant planning, and the exports that carry them.
@Suite struct TrialWorkflowCommandTests {
  /// code, stroke month, strokes, lesion, language assessment, smell, aphasia, hand, memory disorder.
  static let roster: [[String]] = [
    ["P01", "2026-10", "1", "left", "no_disorder", "normal", "none", "right", "yes"],
    ["P02", "2026-11", "1", "right", "no_disorder", "hyposmic", "anomic", "left", "yes"],
    ["P03", "2026-09", "1", "left", "no_disorder", "normal", "anomic", "right", "yes"],
    ["P04", "2026-12", "1", "right", "no_disorder", "normal", "none", "both", "no"],
    ["P05", "2026-10", "1", "left", "no_disorder", "anosmic", "none", "right", "no"],
    ["P06", "2026-03", "1", "right", "no_disorder", "normal", "none", "right", "no"],
    ["P07", "2026-10", "2", "bilateral", "comprehension_disorder", "not_screened", "none", "right", "yes"],
  ]

  static func register(in folder: StoreCommandFolder) throws {
    for row in roster {
      let add = try CommandRun.connectage(
        [
          "participants", "add", row[0], "--db", folder.databasePath, "--study", "espoir-avc", "--stroke-month", row[1],
          "--strokes", row[2], "--lesion", row[3], "--language-assessment", row[4], "--smell", row[5], "--aphasia",
          row[6], "--hand", row[7],
        ] + (row[8] == "yes" ? ["--memory-disorder"] : []))
      try #require(add.exitCode == 0, "\(add.standardError)")
    }
  }

  @Test func checkListsEligibleNotEligibleWithReasonsAndWhoLeavesTheWindow() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try Self.register(in: folder)
    let check = try CommandRun.connectage([
      "participants", "check", "--study", "espoir-avc", "--db", folder.databasePath,
    ])
    #expect(check.exitCode == 0, "\(check.standardError)")
    let lines = check.standardOutput.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "Inclusion espoir-avc au 2027-01-11 : 5 éligible(s) dont 1 à vérifier (jour de l'AVC), 2 non éligible(s).")
    #expect(lines.contains("P01          oui       2027-04-30"))
    // P04's stroke was in December: on 11 January it may not be a month old yet.
    #expect(
      lines.contains(
        "P04          oui       2027-06-30      à vérifier : selon le jour de l'AVC, moins de 1 mois au 2027-01-11 possible"
      ),
      "\(lines)")
    #expect(lines.contains("P06          non       2026-09-30      10 mois depuis l'AVC à l'inclusion (attendu 1 à 6)"))
    #expect(
      lines.contains(
        "P07          non       2027-04-30      2 AVC (un seul attendu); lésion bilatérale (unilatérale attendue); trouble du langage au bilan (comprehension_disorder); dépistage olfactif non fait (--smell)"
      ), "\(lines)")
    #expect(lines.contains("Sortent de la fenêtre pendant l'essai :"))
    // P03: stroke in September, window closed on 31 March, the sessions from 5 April on are after it.
    #expect(lines.contains { $0.hasPrefix("  P03 : fenêtre close le 2027-03-31, séances 7–") }, "\(lines)")
  }

  @Test(arguments: [
    BadInputCase(
      id: "a full date", arguments: ["--stroke-month", "2026-09-14"],
      message:
        "--stroke-month : « 2026-09-14 » n'est pas un mois. Écrivez seulement l'année et le mois, AAAA-MM (par exemple 2026-09) : le jour n'est jamais enregistré.\n"
    ),
    BadInputCase(
      id: "an unknown lesion side", arguments: ["--lesion", "gauche"],
      message: "--lesion : « gauche » n'est pas une valeur possible. Valeurs possibles : left, right, bilateral.\n"),
    BadInputCase(
      id: "no stroke", arguments: ["--strokes", "0"], message: "--strokes doit être entre 1 et 20 (reçu 0).\n"),
  ])
  func addRefusesWhatIsNotAMonthOrAChoice(_ c: BadInputCase) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try CommandRun.connectage(["participants", "add", "P01", "--db", folder.databasePath] + c.arguments)
    #expect(run.exitCode == 2)
    #expect(run.standardError == c.message)
    #expect(!FileManager.default.fileExists(atPath: folder.databasePath))
  }

  @Test func checkNamesAProtocolOfAnotherStudy() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try Self.register(in: folder)
    let run = try CommandRun.connectage([
      "participants", "check", "--study", "espoir-avc", "--protocol", "Protocols/demo.yaml", "--db",
      folder.databasePath,
    ])
    #expect(run.exitCode == 2)
    #expect(
      run.standardError
        == "Protocols/demo.yaml est le protocole de l'étude demo, pas de espoir-avc : vérifiez --study et --protocol.\n"
    )
  }

  @Test func groupsArePlannedFromTheEligibleByStratumThenAccepted() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try Self.register(in: folder)
    let db = ["--db", folder.databasePath]
    let plan = try CommandRun.connectage(["groups", "plan", "--study", "espoir-avc", "--seed", "3"] + db)
    #expect(plan.exitCode == 0, "\(plan.standardError)")
    #expect(
      plan.standardOutput.contains("G01     oui                 avec-troubles-memoire  3"), "\(plan.standardOutput)")
    #expect(
      plan.standardOutput.contains("G02     non                 sans-troubles-memoire  2"), "\(plan.standardOutput)")
    #expect(
      plan.standardOutput.contains("Pour accepter : connectage groups add --proposed --study espoir-avc --seed 3"))
    #expect(!plan.standardOutput.contains("P06") && !plan.standardOutput.contains("P07"), "only the eligible")
    let again = try CommandRun.connectage(["groups", "plan", "--study", "espoir-avc", "--seed", "3"] + db)
    #expect(again.standardOutput == plan.standardOutput, "the same seed, the same proposal")

    let accept = try CommandRun.connectage(
      ["groups", "add", "--proposed", "--study", "espoir-avc", "--seed", "3"] + db)
    #expect(accept.exitCode == 0, "\(accept.standardError)")
    let groups = try SessionDatabase(path: folder.databasePath).groups.fetchAll()
    #expect(groups.map(\.id.rawValue) == ["G01", "G02"])
    #expect(Set(groups[0].members.map(\.rawValue)) == ["P01", "P02", "P03"])
    #expect(Set(groups[1].members.map(\.rawValue)) == ["P04", "P05"])
    #expect(groups.map(\.arm) == ["avec-troubles-memoire", "sans-troubles-memoire"])
    // Every shown `groups add` line matches what was registered.
    for group in groups {
      #expect(
        plan.standardOutput.contains(
          "connectage groups add \(group.id) --study espoir-avc --arm \(group.arm!) --members \(group.members.map(\.rawValue).joined(separator: ","))"
        ))
    }
    // Nobody left to group.
    let empty = try CommandRun.connectage(["groups", "plan", "--study", "espoir-avc"] + db)
    #expect(empty.standardOutput.hasPrefix("Aucun participant éligible sans groupe"))
  }

  @Test func attendanceIsRecordedExportedAndPlannedPerParticipant() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try Self.register(in: folder)
    let db = ["--db", folder.databasePath]
    try #require(
      try CommandRun.connectage(["groups", "add", "G01", "--study", "espoir-avc", "--members", "P01,P02,P03"] + db)
        .exitCode == 0)
    let session = ["--study", "espoir-avc", "--group", "G01", "--session", "2"]
    let record = try CommandRun.connectage(
      ["session", "attendance"] + session + ["--present", "P01", "--absent", "P02=appointment", "--left-early", "P03"]
        + db)
    #expect(record.exitCode == 0, "\(record.standardError)")
    #expect(record.standardOutput == "Présences de G01 séance 2 enregistrées (3).\n")

    for (arguments, message) in [
      (["--absent", "P02"], "--absent : « P02 » n'a pas de motif. Écrivez CODE=motif, par exemple P03=ill.\n"),
      (
        ["--absent", "P02=sick"],
        "--absent : « sick » n'est pas une valeur possible. Valeurs possibles : ill, appointment, discharged, refused.\n"
      ),
      (
        ["--present", "P04"],
        "P04 ne sont pas membres du groupe G01 : une séance rattrapée ailleurs s'enregistre avec « connectage session make-up ».\n"
      ),
      (["--present", "P01", "--left-early", "P01"], "P01 est indiqué deux fois : une seule présence par séance.\n"),
      ([], "rien à enregistrer : indiquez --present, --absent ou --left-early.\n"),
    ] {
      let refused = try CommandRun.connectage(["session", "attendance"] + session + arguments + db)
      #expect(refused.exitCode == 2, "\(arguments)")
      #expect(refused.standardError == message, "\(arguments)")
    }
    // A make-up needs a recorded run of the same planned number.
    let makeUp = try CommandRun.connectage(
      ["session", "make-up", "P02", "--in", "G02-S02-20270125T093000-abcdef"] + session + db)
    #expect(makeUp.exitCode == 2)
    #expect(makeUp.standardError.hasPrefix("--in : G02-S02-20270125T093000-abcdef n'est pas une séance numéro 2"))

    let database = try SessionDatabase(path: folder.databasePath)
    let attendance = try database.attendance.fetchAll(study: "espoir-avc")
    #expect(attendance.map(\.status) == [.present, .absent, .leftEarly])
    #expect(attendance[1].reason == .appointment)
    let logged = try database.eventLog.events(in: "G01-S02").map(\.event.kind)
    #expect(logged.count == 3 && logged.allSatisfy { if case .attendance = $0 { true } else { false } })
    let checkReport = try CommandRun.connectage(["db", "check"] + db)
    #expect(
      checkReport.exitCode == 0, "attendance logged under a planned session is no orphan: \(checkReport.standardOutput)"
    )

    let export = try CommandRun.connectage(
      ["export", "csv", "--study", "espoir-avc", "--out", folder.path + "/out"] + db)
    #expect(export.exitCode == 0, "\(export.standardError)")
    let csv = try String(contentsOfFile: folder.path + "/out/attendance.csv", encoding: .utf8)
    #expect(
      csv == """
        study_id,group_id,session_number,participant_code,status,absence_reason,made_up_in_session_id,recorded_by
        espoir-avc,G01,2,P01,present,,,therapist
        espoir-avc,G01,2,P02,absent,appointment,,therapist
        espoir-avc,G01,2,P03,left_early,,,therapist

        """)
    let codebook = try String(contentsOfFile: folder.path + "/out/codebook.csv", encoding: .utf8)
    for column in [
      "study_id", "group_id", "session_number", "participant_code", "status", "absence_reason",
      "made_up_in_session_id", "recorded_by",
    ] {
      #expect(codebook.contains("\nattendance.csv,\(column),"), "\(column)")
    }
    #expect(codebook.contains("\nmeasures.csv,make_up,boolean,"))
    #expect(codebook.contains("\nmeasures.csv,scent_trial_smell_flagged,boolean,"))

    let schedule = try CommandRun.connectage(
      ["protocol", "schedule", "Protocols/espoir-avc.yaml", "--study", "espoir-avc"] + db)
    #expect(schedule.exitCode == 0, "\(schedule.standardError)")
    let rows = schedule.standardOutput.split(separator: "\n").map(String.init)
    #expect(rows.contains("Participant  Groupe  Prévues  Faites  Manquées  Rattrapées  Fin de fenêtre  Séances après"))
    #expect(
      rows.contains("P01          G01     13       1       0         0           2027-04-30      9–13"), "\(rows)")
    #expect(
      rows.contains("P02          G01     13       0       1         0           2027-05-31      12–13"), "\(rows)")
  }
}

/// A clinical session refuses a group member the protocol does not include, before anything is written.
@Suite struct NotIncludedRefusalTests {
  @Test func aMemberWhoIsNotIncludedStopsTheSession() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try TrialWorkflowCommandTests.register(in: folder)
    let db = ["--db", folder.databasePath]
    try #require(
      try CommandRun.connectage(["groups", "add", "G01", "--study", "espoir-avc", "--members", "P01,P06,P07"] + db)
        .exitCode == 0)
    let run = try CommandRun.connectage(
      ["run", "--headless", "--diffuser", "simulated", "--output", folder.path + "/out", "Protocols/espoir-avc.yaml"]
        + db)
    #expect(run.exitCode == 2)
    #expect(
      run.standardError.contains(
        "- P06, P07 ne sont pas inclus selon les critères du protocole : voyez pourquoi avec « connectage participants check --study espoir-avc », complétez leur dossier ou retirez-les du groupe.\n"
      ), "\(run.standardError)")
    #expect(run.standardError.contains("relancez avec --allow-degraded"))
    #expect(try SessionDatabase(path: folder.databasePath).sessions.fetchAll().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  /// The escape: the therapist starts anyway; every member's answers are filed, and the log says
  /// whom the protocol did not include and who allowed it, so the analysis can leave them out.
  @Test func allowDegradedFilesTheAnswersAndLogsWhoWasNotIncluded() async throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try TrialWorkflowCommandTests.register(in: folder)
    let db = ["--db", folder.databasePath]
    try #require(
      try await CommandRun.connectage(
        ["groups", "add", "G01", "--study", "espoir-avc", "--members", "P01,P06,P07"] + db
      )
      .exitCode == 0)
    let run = try await CommandRun.connectage(
      [
        "run", "--headless", "--virtual-players", "3", "--diffuser", "simulated", "--allow-degraded", "--output",
        folder.path + "/out", "Protocols/espoir-avc.yaml",
      ] + db,
      environment: ["XDG_DATA_HOME": folder.path])
    try #require(run.exitCode == 0, "\(run.standardError)")

    let database = try SessionDatabase(path: folder.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let degraded = events.compactMap { event -> String? in
      if case .session(.degraded(let problem, let allowedBy, _, _)) = event.kind {
        "\(problem) \(allowedBy ?? "")"
      } else {
        nil
      }
    }
    #expect(degraded.contains("notIncluded --allow-degraded"), "\(degraded)")
    let filed = Set(try database.measures.fetchAll().map(\.answer.participant.rawValue))
    #expect(filed == ["P01", "P06", "P07"], "every seated member's answers are kept")
    #expect(try database.studies.plan(of: "espoir-avc") == .standard, "the study's first run fixes its plan")
  }
}

/// A missed session made up in a catch-up run plays that planned session's trial order, and the
/// answers given then are marked in the exports.
@Suite struct MakeUpSessionTests {
  /// The rows of `measures.csv` from `export csv` of the demo study into `folder`, by column name.
  static func exportedMeasures(_ db: [String], into folder: String) async throws -> [[String: String]] {
    let export = try await CommandRun.connectage(["export", "csv", "--study", "demo", "--out", folder] + db)
    try #require(export.exitCode == 0, "\(export.standardError)")
    let rows = try String(contentsOfFile: folder + "/measures.csv", encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = try #require(rows.first)
    return rows.dropFirst().map { Dictionary(zip(header, $0)) { first, _ in first } }
  }

  static func demo(_ arguments: [String], in folder: StoreCommandFolder) async throws -> CommandRun {
    try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--answer-seconds", "1", "--players", "1", "--db", folder.databasePath,
        "--output", folder.path + "/sessions",
      ] + arguments,
      environment: ["XDG_DATA_HOME": folder.path])
  }

  @Test func aCatchUpRunKeepsTheTrialOrderAndIsMarked() async throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    for code in ["P01", "P02", "P03", "P04"] {
      try #require(
        try await CommandRun.connectage(["participants", "add", code, "--study", "demo"] + db).exitCode == 0)
    }
    try #require(
      try await CommandRun.connectage(["groups", "add", "G01", "--study", "demo", "--members", "P01,P02,P03,P04"] + db)
        .exitCode == 0)
    let regular = try await Self.demo([], in: folder)
    try #require(regular.exitCode == 0, "\(regular.standardError)")

    let early = try await Self.demo(["--make-up", "P02"], in: folder)
    #expect(early.exitCode == 2, "no absence recorded yet")
    #expect(early.standardError.hasPrefix("P02 n'est pas enregistré absent à la séance 1"), "\(early.standardError)")

    try #require(
      try await CommandRun.connectage(
        ["session", "attendance", "--study", "demo", "--group", "G01", "--session", "1", "--absent", "P02=ill"] + db
      ).exitCode == 0)
    let catchUp = try await Self.demo(["--make-up", "P02"], in: folder)
    try #require(catchUp.exitCode == 0, "\(catchUp.standardError)")

    let database = try SessionDatabase(path: folder.databasePath)
    let sessions = try database.sessions.fetchAll().sorted { $0.id < $1.id }
    try #require(sessions.count == 2)
    let (first, second) = (sessions[0], sessions[1])
    #expect(second.group == first.group && second.number == first.number)
    #expect(second.trials.map(\.condition) == first.trials.map(\.condition))
    #expect(second.trials.map(\.stimulus) == first.trials.map(\.stimulus))
    let attendance = try database.attendance.fetchAll(study: "demo")
    #expect(
      attendance.map { "\($0.participant):\($0.status.rawValue):\($0.madeUpIn?.rawValue ?? "")" }
        == ["P01:present:", "P02:absent:\(second.id)"])
    #expect(attendance.map(\.recordedBy) == [.run, .therapist], "the make-up leaves the therapist's absence theirs")
    #expect(attendance[1].reason == .ill)

    let rows = try await Self.exportedMeasures(db, into: folder.path + "/out")
    let flags = Dictionary(grouping: rows, by: { $0["participant_code"]! }).mapValues { Set($0.map { $0["make_up"]! }) }
    #expect(flags == ["P01": ["0"], "P02": ["1"]])
    // participation.csv: P01 in the group's run, P02 in the catch-up only, each trial once.
    let table = try String(contentsOfFile: folder.path + "/out/participation.csv", encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = try #require(table.first)
    let seats = table.dropFirst().map { Dictionary(zip(header, $0)) { first, _ in first } }
      .map { "\($0["participant_code"]!)@\($0["session_id"]!):\($0["make_up"]!)" }
    #expect(
      seats.sorted()
        == (Array(repeating: "P01@\(first.id):0", count: first.trials.count)
        + Array(repeating: "P02@\(second.id):1", count: second.trials.count)).sorted())
  }

  /// The auditor's case: P02's make-up run was killed after T1 and resumed for T2 and T3, and the
  /// make-up recorded by hand with the resuming run. The attendance names the chain's first run and
  /// every answer of the make-up is marked, whichever run recorded it.
  @Test func aMakeUpRecordedWithTheRunThatResumedItMarksEveryAnswerOfTheMakeUp() async throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    for code in ["P01", "P02"] {
      try #require(
        try await CommandRun.connectage(["participants", "add", code, "--study", "demo"] + db).exitCode == 0)
    }
    try #require(
      try await CommandRun.connectage(["groups", "add", "G01", "--study", "demo", "--members", "P01,P02"] + db)
        .exitCode == 0)
    let planned = ["--study", "demo", "--group", "G01", "--session", "1"]
    try #require(
      try await CommandRun.connectage(["session", "attendance"] + planned + ["--absent", "P02=ill"] + db).exitCode == 0)
    let database = try SessionDatabase(path: folder.databasePath)
    let (killed, resumed): (SessionID, SessionID) = ("G01-S01-20270121T090000-bbbbbb", "G01-S01-20270121T093000-cccccc")
    let trials = (1...3).map { Trial(id: TrialID("T\($0)"), number: $0, stimulus: "verger", condition: .image) }
    for (run, resumes, answered) in [(killed, "", [0]), (resumed, killed.rawValue, [1, 2])] {
      try database.sessions.save(
        Session(
          id: run, study: "demo", group: "G01", number: 1, date: CalendarDate("2027-01-21")!, kind: .clinical,
          trials: trials))
      try database.eventLog.append(
        SessionEvent(
          session: run, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
          .session(.runnerStarted(RunStart(resumes: resumes)))))
      for index in answered {
        try database.measures.save(
          AnswerMeasures(
            answer: AnswerKey(session: run, trial: trials[index].id, participant: ParticipantCode(rawValue: "P02")!),
            words: 3, ruleSetVersion: "wc-fr-chat-1.0"))
      }
    }

    let makeUp = try await CommandRun.connectage(
      ["session", "make-up", "P02", "--in", resumed.rawValue] + planned + db)

    #expect(makeUp.exitCode == 0, "\(makeUp.standardError)")
    #expect(
      makeUp.standardOutput
        == "Séance 1 de G01 rattrapée par P02 dans \(killed) (que \(resumed) a repris après une interruption).\n")
    #expect(try database.attendance.fetchAll(study: "demo").map(\.madeUpIn) == [killed])
    let rows = try await Self.exportedMeasures(db, into: folder.path + "/out")
    #expect(
      rows.map { "\($0["session_id"]!)/\($0["trial_id"]!)=\($0["make_up"]!)" } == [
        "\(killed)/T1=1", "\(resumed)/T2=1", "\(resumed)/T3=1",
      ])
  }
}
