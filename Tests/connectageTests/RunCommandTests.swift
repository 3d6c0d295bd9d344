import Foundation
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
