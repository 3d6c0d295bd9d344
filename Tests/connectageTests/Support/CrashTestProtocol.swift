import Foundation

/// The smallest clinical session that still has every phase a crash can hit: two players join,
/// then an image, an image with a game and an image with a scent, one recorded answer each.
/// Scent limits are the tightest the format allows, so a resumed session never waits for them.
enum CrashTestProtocol {
  static let text = """
    format: connectage-protocol/1
    id: crash
    title:
      fr: "Séance courte pour les tests d'interruption"
      en: "Short session for the crash tests"
    kind: clinical
    arms:
      - id: crash
        label: {fr: "Interruption", en: "Crash"}
    group_size: 2
    conditions: [image, image_game, image_scent]
    trials_per_session: 3
    counterbalancing:
      unit: group
    stimuli: [verger, cafe-du-matin, champ-de-lavande]
    games:
      - {game: paires, difficulty: easy}
    evocation:
      recording: true
      answer_seconds: 10
    presentation:
      image_seconds: 5
      scent_pulse_ms: 500
    scent_safety:
      minimum_interval_ms: 10000
      purge_ms: 1000
      lead_time_ms: 500
    schedule:
      start: 2027-01-11
      sessions: 1

    """

  /// Writes the protocol and the scent catalogue it needs beside it into `folder`; returns its path.
  static func write(into folder: URL) throws -> String {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("crash.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: CommandRun.repositoryRoot.appendingPathComponent("Protocols/scents.yaml"),
      to: folder.appendingPathComponent("scents.yaml"))
    return file.path
  }
}
