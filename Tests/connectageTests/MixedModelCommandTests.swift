import Foundation
import Store
import TestSupport
import Testing

/// `connectage stats` reporting the primary analysis on a synthetic trial of both populations
/// (a planted scent × memory-disorder interaction, some patients who cannot smell), and
/// `connectage protocol power` on the ESPOIR-AVC protocol.
@Suite struct MixedModelCommandTests {
  @Test func statsReportsTheInteractionAndTheSmellSensitivity() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try SyntheticTrialData().file(into: SessionDatabase(path: folder.databasePath))
    let run = try CommandRun.connectage(
      ["stats", "--db", folder.databasePath, "--measure", "speech_duration_s", "words"],
      environment: ["CONNECTAGE_LANG": "en"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix(
          "Linear mixed model (REML, Satterthwaite df): value ~ condition * memory + session_number + (1 | participant); "
        )
      })
    #expect(lines.contains { $0.hasPrefix("  interaction (with − without disorder): ") })
    #expect(lines.contains { $0.hasPrefix("  with memory disorder: ") })
    #expect(
      lines.contains { $0.hasPrefix("Sensitivity without the hyposmic or anosmic participants (P05, P10, P15, P20):") })
    #expect(lines.contains { $0.hasPrefix("Primary model for counts (Poisson and negative-binomial mixed models)") })
  }

  @Test func powerIsSimulatedOnTheProtocolsDesign() throws {
    let run = try CommandRun.connectage(
      [
        "protocol", "power", "--study", "espoir-avc", "--effect", "1.5", "--interaction", "1", "--participant-sd", "2",
        "--residual-sd", "3", "--simulations", "40", "--json",
      ], in: CommandRun.repositoryRoot)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let result = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let design = result?["design"] as? [String: Any]
    #expect(design?["populations"] as? Int == 2)
    #expect(design?["participants_per_group"] as? Int == 10)
    #expect(design?["trials_per_condition"] as? Int == 2)
    #expect(result?["simulations"] as? Int == 40)
    #expect((result?["main_effect_power"] as? Double).map { (0...1).contains($0) } == true)
  }

  @Test func powerRefusesAConditionTheProtocolDoesNotHave() throws {
    let run = try CommandRun.connectage(
      [
        "protocol", "power", "--study", "espoir-avc", "--condition", "image_game_scent", "--effect", "1",
        "--participant-sd", "2", "--residual-sd", "3",
      ], in: CommandRun.repositoryRoot)
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains("image_game_scent"))
  }
}
