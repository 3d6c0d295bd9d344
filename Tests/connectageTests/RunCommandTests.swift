import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// `connectage run` refuses a session it cannot run before it opens the screen or the pads.
@Suite struct RunCommandTests {
  @Test(arguments: [
    BadInputCase(
      id: "group not in the plan", arguments: ["Protocols/espoir-avc.yaml", "--group", "G09"],
      message:
        "Le groupe G09 n'est pas dans le plan (groupes prévus : G01). Vérifiez --group et --participants.\n"),
    BadInputCase(
      id: "session beyond the schedule", arguments: ["Protocols/espoir-avc.yaml", "--session", "14"],
      message: "La séance 14 n'existe pas : le protocole en prévoit 13.\n"),
    BadInputCase(
      id: "second group of twenty participants, session beyond the schedule",
      arguments: ["Protocols/espoir-avc.yaml", "--participants", "20", "--group", "G02", "--session", "99"],
      message: "La séance 99 n'existe pas : le protocole en prévoit 13.\n"),
    BadInputCase(
      id: "nothing to resume", arguments: ["Protocols/espoir-avc.yaml", "--session", "2", "--resume"],
      message:
        "Rien à reprendre : la dernière séance G01-S02 n'a pas été interrompue (ou n'a jamais eu lieu). Lancez-la sans --resume.\n"
    ),
  ])
  func refusesASessionOutsideThePlan(_ c: BadInputCase) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try CommandRun.connectage(
      ["run", "--headless", "--db", folder.databasePath, "--output", folder.path] + c.arguments)
    #expect(run.exitCode == 2)
    #expect(run.standardError == c.message)
  }
}

/// A study keeps the plan of its first run: a run planned otherwise is refused, since the same
/// session ids would name other images; a run that names no plan gets the study's.
@Suite struct RunWithTheStudysPlanTests {
  private func folderWithPlan(_ plan: PlanChoice) throws -> StoreCommandFolder {
    let folder = try StoreCommandFolder()
    let database = try SessionDatabase(path: folder.databasePath)
    try database.studies.save(Study(id: "espoir-avc", title: "Espoir AVC", protocolName: "espoir-avc"))
    try database.studies.record(plan, for: "espoir-avc")
    return folder
  }

  @Test func aRunPlannedOtherwiseIsRefusedAndWritesNothing() throws {
    let folder = try folderWithPlan(PlanChoice(participants: 20, seed: 1))
    defer { folder.remove() }
    let run = try CommandRun.connectage(
      [
        "run", "--headless", "--db", folder.databasePath, "--output", folder.path + "/out", "--participants", "10",
        "Protocols/espoir-avc.yaml",
      ])
    #expect(run.exitCode == 2)
    #expect(
      run.standardError
        == "L'étude espoir-avc est planifiée pour 20 participants avec la graine 1 depuis sa première séance ; avec --participants 10 --seed 1, les mêmes séances montreraient d'autres images. Relancez sans --participants ni --seed.\n"
    )
    #expect(try SessionDatabase(path: folder.databasePath).sessions.fetchAll().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  /// Twenty participants make a second group: a run that names none finds it.
  @Test func aRunWithoutAPlanTakesTheStudys() throws {
    let folder = try folderWithPlan(PlanChoice(participants: 20, seed: 1))
    defer { folder.remove() }
    let run = try CommandRun.connectage(
      [
        "run", "--headless", "--db", folder.databasePath, "--output", folder.path + "/out", "--group", "G02",
        "Protocols/espoir-avc.yaml",
      ])
    #expect(run.exitCode == 2)
    #expect(!run.standardError.contains("n'est pas dans le plan"), "\(run.standardError)")
    #expect(run.standardError.contains("le groupe G02 du plan n'est pas enregistré"), "\(run.standardError)")
  }
}

/// A malformed diffuser is refused at the command line, with the forms accepted; an invalid
/// protocol leaves nothing behind.
@Suite struct RunCommandInputTests {
  static let acceptedForms =
    "Formes acceptées : simulated, none, unix:CHEMIN, tcp:HÔTE:PORT, rfcomm:AA:BB:CC:DD:EE:FF[:CANAL], ble:AA:BB:CC:DD:EE:FF[:random], ble-unix:CHEMIN, scentrealm-serial:/dev/ttyUSB0, scentrealm-ble:AA:BB:CC:DD:EE:FF, aromashooter:HÔTE, devices:CARTE.\n"

  @Test(arguments: [
    BadInputCase(
      id: "a mistyped transport", arguments: ["--diffuser", "rfcom:AA:BB:CC:DD:EE:FF"],
      message: "--diffuser : « rfcom:AA:BB:CC:DD:EE:FF » n'est pas un diffuseur reconnu. " + acceptedForms),
    BadInputCase(
      id: "a misspelt simulator", arguments: ["--diffuser", "simulatd"],
      message: "--diffuser : « simulatd » n'est pas un diffuseur reconnu. " + acceptedForms),
    BadInputCase(
      id: "a short Bluetooth address", arguments: ["--diffuser", "rfcomm:XX"],
      message: "--diffuser : « rfcomm:XX » n'est pas un diffuseur reconnu. " + acceptedForms),
    BadInputCase(
      id: "a device map that is not there", arguments: ["--diffuser", "devices:/nonexistent/devices.conf"],
      message: "/nonexistent/devices.conf : carte des diffuseurs illisible ; vérifiez le chemin.\n"),
  ])
  func aMalformedDiffuserIsRefusedBeforeAnythingOpens(_ c: BadInputCase) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    for command in [["run", "Protocols/demo.yaml"], ["demo", "--brisk"], ["animation"]] {
      let run = try CommandRun.connectage(
        command + ["--headless", "--db", folder.databasePath, "--output", folder.path + "/out"] + c.arguments)
      #expect(run.exitCode == 2, "\(command)")
      #expect(run.standardError == c.message, "\(command)")
      #expect(!FileManager.default.fileExists(atPath: folder.databasePath))
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
  }

  @Test func aMalformedDiffuserFromTheEnvironmentIsNamedAsSuch() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try CommandRun.connectage(
      ["run", "--headless", "--db", folder.databasePath, "Protocols/demo.yaml"],
      environment: ["CONNECTAGE_DIFFUSER": "simulatd"])
    #expect(run.exitCode == 2)
    #expect(
      run.standardError == "CONNECTAGE_DIFFUSER : « simulatd » n'est pas un diffuseur reconnu. " + Self.acceptedForms)
  }

  @Test func anInvalidProtocolLeavesNoDatabaseBehind() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let protocolFile = folder.path + "/broken.yaml"
    try "id: demo\nkind: clinical\nstimuli: [\n".write(toFile: protocolFile, atomically: true, encoding: .utf8)
    for file in [protocolFile, folder.path + "/absent.yaml"] {
      let run = try CommandRun.connectage(
        ["run", "--headless", "--db", folder.path + "/data/connectage.sqlite", "--output", folder.path + "/out", file])
      #expect(run.exitCode == 2)
      #expect(run.standardError.contains(file), "\(run.standardError)")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/data"), "no database, not even its folder")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
  }
}

/// A clinical session that cannot do its job refuses to start, says why, and leaves nothing behind.
@Suite struct RunStartCheckTests {
  private func run(_ arguments: [String], in folder: StoreCommandFolder) throws -> CommandRun {
    try CommandRun.connectage(
      ["run", "--headless", "--db", folder.databasePath, "--output", folder.path + "/out", "Protocols/demo.yaml"]
        + arguments)
  }

  @Test func noDiffuserAndNoRegisteredGroupAreRefusedTogether() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try run([], in: folder)
    #expect(run.exitCode == 2)
    let lines = run.standardError.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("ALSA lib") }
    #expect(lines.first == "La séance ne peut pas commencer :")
    #expect(
      lines.contains(
        "- aucun diffuseur n'est indiqué alors que la séance prévoit des odeurs : ajoutez --diffuser (par exemple rfcomm:AA:BB:CC:DD:EE:FF)."
      ), "\(lines)")
    #expect(
      lines.contains(
        "- le groupe G01 du plan n'est pas enregistré dans la base (groupes enregistrés : aucun) : enregistrez-le avec « connectage groups add G01 --study demo --members … », ou choisissez le bon groupe avec --group."
      ), "\(lines)")
    #expect(
      lines.last
        == "Corrigez ces points, ou relancez avec --allow-degraded pour la faire quand même (chaque manque sera journalisé et affiché à l'écran)."
    )
    #expect(!FileManager.default.fileExists(atPath: folder.databasePath), "nothing is written before the checks pass")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test func aDiffuserThatDoesNotAnswerIsRefused() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let socket = folder.path + "/absent.sock"
    let run = try run(["--diffuser", "unix:" + socket], in: folder)
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains("- le diffuseur unix:\(socket) ne répond pas ("), "\(run.standardError)")
    #expect(run.standardError.contains(") : allumez-le, rapprochez-le, ou vérifiez --diffuser.\n"))
  }

  /// A link that opens is not yet a diffuser: firmware that hangs before it answers the handshake
  /// is refused like one that is off.
  @Test func aDiffuserThatAcceptsTheLinkButNeverAnswersIsRefused() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let socket = folder.path + "/silent.sock"
    let simulator = Process()
    simulator.executableURL = CommandRun.executable
    simulator.arguments = ["diffuser", "simulate", "--listen", "unix:" + socket, "--stall", "0"]
    simulator.standardOutput = FileHandle.nullDevice
    simulator.standardError = FileHandle.nullDevice
    try simulator.run()
    defer {
      simulator.terminate()
      simulator.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: socket), Date() < deadline { usleep(20_000) }
    try #require(FileManager.default.fileExists(atPath: socket), "the simulator listens")
    let run = try run(["--diffuser", "unix:" + socket], in: folder)
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains("- le diffuseur unix:\(socket) ne répond pas ("), "\(run.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test func aGroupRegisteredUnderAnotherNameIsRefusedAndNoParticipantIsMadeUp() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    for code in ["P01", "P02"] {
      try #require(
        try CommandRun.connectage(["participants", "add", code, "--study", "demo", "--db", folder.databasePath])
          .exitCode == 0)
    }
    try #require(
      try CommandRun.connectage([
        "groups", "add", "G1", "--study", "demo", "--members", "P01,P02", "--db", folder.databasePath,
      ]).exitCode == 0)
    let run = try run(["--diffuser", "simulated"], in: folder)
    #expect(run.exitCode == 2)
    #expect(
      run.standardError.contains(
        "- le groupe G01 du plan n'est pas enregistré dans la base (groupes enregistrés : G1) : enregistrez-le avec « connectage groups add G01 --study demo --members … », ou choisissez le bon groupe avec --group.\n"
      ), "\(run.standardError)")
    let database = try SessionDatabase(path: folder.databasePath)
    #expect(try database.participants.fetchAll().map(\.code.rawValue) == ["P01", "P02"])
    #expect(try database.sessions.fetchAll().isEmpty)
  }

  @Test func tooLittleDiskSpaceIsRefusedWithTheSizeNeeded() throws {
    guard let disk = SmallDisk.mount(megabytes: 1) else {
      print(SmallDisk.skipMessage)
      return
    }
    defer { disk.remove() }
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try CommandRun.connectage([
      "run", "--headless", "--db", folder.databasePath, "--output", disk.folder.path, "--diffuser", "simulated",
      "Protocols/demo.yaml",
    ])
    #expect(run.exitCode == 2)
    // demo.yaml: 3 trials × the 4 members G01 plans, 30 s answers of 960 kB, twice over, plus 32 MB.
    #expect(
      run.standardError.contains(
        "- pas assez de place sur le disque pour les enregistrements dans \(disk.folder.path) : 1 Mo libres, 55 Mo nécessaires. Libérez de la place ou choisissez un autre dossier avec --output.\n"
      ), "\(run.standardError)")
  }
}
