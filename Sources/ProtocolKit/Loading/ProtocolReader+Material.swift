import Foundation
import SessionModel
import Yams

extension ProtocolReader {
  /// The stimulus pool: each id must have its sheet and its image; with scent conditions, a known scent.
  func readStimuli(_ node: Node?, catalogue: ScentCatalogue?, needsScents: Bool) -> [Stimulus]? {
    guard let node, let items = values.sequence(node, key: "stimuli") else { return nil }
    guard !items.isEmpty else {
      problems.report(ProblemText.expectedList("stimuli"), at: node)
      return nil
    }
    let available = library.availableIDs
    var stimuli: [Stimulus] = []
    var failed = false
    for item in items {
      guard let id = values.slug(item, key: "stimuli") else {
        failed = true
        continue
      }
      if stimuli.contains(where: { $0.id.rawValue == id }) {
        problems.report(ProblemText.duplicate(id, key: "stimuli"), at: item)
        continue
      }
      guard available.contains(id) else {
        problems.report(
          ProblemText.unknownStimulus(id, suggestion: NearMiss.suggestion(for: id, among: available)), at: item)
        failed = true
        continue
      }
      let url = library.metadataURL(for: id)
      let sheetProblems = ProblemCollector(file: url.relativePath)
      let root: Node?
      do {
        root = try YAMLDocument.root(ofFileAt: url, reportingTo: sheetProblems)
      } catch {
        problems.absorb(error)
        failed = true
        continue
      }
      let read = library.read(root, expectedID: id, problems: sheetProblems)
      if let (stimulus, scentMark) = read, let scent = stimulus.pairedScent, let catalogue,
        catalogue.scent(scent) == nil
      {
        let known = catalogue.scents.map(\.id.rawValue)
        sheetProblems.report(
          ProblemText.unknownScent(scent.rawValue, suggestion: NearMiss.suggestion(for: scent.rawValue, among: known)),
          at: scentMark)
      }
      if let failure = sheetProblems.failure {
        problems.absorb(failure)
      }
      guard let (stimulus, _) = read else {
        failed = true
        continue
      }
      if needsScents, stimulus.pairedScent == nil {
        problems.report(ProblemText.stimulusWithoutScent(id), at: item)
      }
      stimuli.append(stimulus)
    }
    return failed ? nil : stimuli
  }

  /// The games that could be read, even when others could not, so that later checks still run.
  func readGames(_ node: Node?) -> [ProtocolGame]? {
    guard let node else { return [] }
    guard let items = values.sequence(node, key: "games") else { return nil }
    var games: [ProtocolGame] = []
    for item in items {
      guard
        let entry = MappingReader(
          item, keys: ["game", "difficulty"], problems: problems, what: LocalizedText(fr: "Chaque jeu", en: "Each game")
        ),
        let gameNode = entry.required("game"),
        let kind = values.choice(gameNode, key: "game", as: GameKind.self)
      else { continue }
      var game = ProtocolGame(kind: kind)
      if let difficulty = entry.value("difficulty").flatMap({
        values.choice($0, key: "difficulty", as: Difficulty.self)
      }) {
        game.difficulty = difficulty
      }
      if games.contains(where: { $0.kind == kind }) {
        problems.report(ProblemText.duplicate(kind.rawValue, key: "games"), at: gameNode)
      }
      games.append(game)
    }
    return games
  }

  func checkGames(_ games: [ProtocolGame], conditions: [Condition], kind: SessionKind?, at node: Node?) {
    if conditions.contains(where: \.includesGame), games.isEmpty {
      problems.report(ProblemText.gameConditionWithoutGames, at: node)
    }
    if kind == .clinical, conditions.contains(.imageGame), games.contains(where: \.kind.needsScent) {
      problems.report(ProblemText.scentGameInImageGame, at: node)
    }
  }

  func readEvocation(_ node: Node?, kind: SessionKind?) -> EvocationSettings? {
    let defaults = EvocationSettings(recording: kind == .clinical)
    guard let node else { return defaults }
    guard
      var reader = SettingsReader(
        node, keys: ["recording", "answer_seconds", "prompt"],
        what: LocalizedText(fr: "« evocation »", en: "'evocation'"), defaults: defaults, problems: problems)
    else { return nil }
    reader.read("recording", into: \.recording) { node, key in
      let recording = values.boolean(node, key: key)
      // A well-formed value that the kind forbids: reported here, but the section still reads.
      if recording == true, kind == .animation {
        problems.report(ProblemText.animationRecords, at: node)
      }
      return recording
    }
    reader.read("answer_seconds", into: \.maximumAnswerSeconds) {
      values.integer($0, key: $1, in: EvocationSettings.answerSecondsRange)
    }
    reader.read("prompt", into: \.prompt) { values.localizedText($0, key: $1) }
    return reader.result
  }
}
