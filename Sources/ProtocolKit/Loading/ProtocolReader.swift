import Foundation
import SessionModel
import Yams

/// Walks one protocol file, filling a ``ClinicalProtocol`` and reporting every problem on the way.
struct ProtocolReader {
  let file: URL
  let library: StimulusLibrary
  let problems: ProblemCollector
  var values: ValueReader { ValueReader(problems: problems) }

  init(file: URL, library: StimulusLibrary, problems: ProblemCollector) {
    self.file = file
    self.library = library
    self.problems = problems
  }

  /// The protocol under `root`, or `nil` once its problems are reported; `root` is `nil` when the YAML did not read.
  func read(_ root: Node?) -> ClinicalProtocol? {
    guard let root,
      let top = MappingReader(
        root, keys: ProtocolLoader.topLevelKeys, problems: problems,
        what: LocalizedText(fr: "Le protocole", en: "The protocol"))
    else { return nil }
    guard FormatCheck.expect(ProtocolFormat.protocolV1, in: top, problems: problems) else { return nil }

    let id = top.required("id").flatMap { values.slug($0, key: "id") }
    let title = top.required("title").flatMap { values.localizedText($0, key: "title") }
    let kindNode = top.required("kind")
    let kind = kindNode.flatMap { values.choice($0, key: "kind", as: SessionKind.self) }
    let population = top.value("population").flatMap { values.localizedText($0, key: "population") }
    let arms = readArms(top.value("arms"))
    let groupSize = top.required("group_size").flatMap {
      values.integer($0, key: "group_size", in: 1...ParticipantGroup.maximumSize)
    }
    let conditionsNode = top.required("conditions")
    let conditions = readConditions(conditionsNode)
    let trialsNode = top.required("trials_per_session")
    let trials = trialsNode.flatMap { values.integer($0, key: "trials_per_session", in: 1...30) }
    let counterbalancing = readCounterbalancing(top.value("counterbalancing"))
    let catalogue = readCatalogue(top.value("scent_catalogue"))
    let stimuliNode = top.required("stimuli")
    let stimuli = readStimuli(
      stimuliNode, catalogue: catalogue, needsScents: conditions?.contains { $0.includesScent } ?? false)
    let gamesNode = top.value("games")
    let games = readGames(gamesNode)
    let evocation = readEvocation(top.value("evocation"), kind: kind)
    let safety = readSafety(top.value("scent_safety"))
    let presentation = readPresentation(top.value("presentation"), safety: safety)
    let schedule = readSchedule(top.value("schedule"))
    let participantCodes = readParticipantCodePattern(top.value("participant_code_pattern"))
    let inclusion = readInclusion(top.value("inclusion"))
    let stratification = readStratification(top.value("stratification"), arms: arms)

    if kind == .clinical, let arms, arms.isEmpty {
      problems.report(ProblemText.clinicalWithoutArms, at: top.value("arms") ?? kindNode)
    }
    if let conditions, let games {
      checkGames(games, conditions: conditions, kind: kind, at: gamesNode ?? conditionsNode)
    }
    if let conditions, let trials, let stimuli {
      checkSessionShape(
        conditions: conditions, trials: trials, pool: stimuli.count, counterbalancing: counterbalancing,
        presentation: presentation, safety: safety, trialsNode: trialsNode)
    }

    guard let id, let title, let kind, let arms, let groupSize, let conditions, let trials,
      let counterbalancing, let catalogue, let stimuli, let games, let evocation, let presentation,
      let safety, let schedule, let participantCodes, let inclusion, let stratification
    else { return nil }
    return ClinicalProtocol(
      id: StudyID(id), title: title, kind: kind, population: population, arms: arms, groupSize: groupSize,
      conditions: conditions, trialsPerSession: trials, counterbalancing: counterbalancing,
      stimuli: stimuli, scents: catalogue.scents, games: games, evocation: evocation,
      presentation: presentation, safety: safety, schedule: schedule, participantCodes: participantCodes,
      inclusion: inclusion, stratification: stratification)
  }

  /// `participant_code_pattern`: a regular expression every participant code of the study matches.
  private func readParticipantCodePattern(_ node: Node?) -> ParticipantCodePattern? {
    guard let node else { return .standard }
    guard let text = values.string(node, key: "participant_code_pattern") else { return nil }
    guard let pattern = ParticipantCodePattern(text) else {
      problems.report(
        LocalizedText(
          fr:
            "« participant_code_pattern » : « \(text) » n'est pas une expression régulière valide. Exemple : \"AVC-[0-9]{3}\".",
          en: "'participant_code_pattern': '\(text)' is not a valid regular expression. Example: \"AVC-[0-9]{3}\"."),
        at: node)
      return nil
    }
    return pattern
  }

  private func readArms(_ node: Node?) -> [ProtocolArm]? {
    guard let node else { return [] }
    guard let items = values.sequence(node, key: "arms") else { return nil }
    var arms: [ProtocolArm] = []
    var failed = false
    for item in items {
      guard
        let entry = MappingReader(
          item, keys: ["id", "label"], problems: problems, what: LocalizedText(fr: "Chaque bras", en: "Each arm")),
        let idNode = entry.required("id"), let id = values.slug(idNode, key: "id"),
        let label = entry.required("label").flatMap({ values.localizedText($0, key: "label") })
      else {
        failed = true
        continue
      }
      if arms.contains(where: { $0.id == id }) {
        problems.report(ProblemText.duplicate(id, key: "arms"), at: idNode)
      }
      arms.append(ProtocolArm(id: id, label: label))
    }
    return failed ? nil : arms
  }

  private func readConditions(_ node: Node?) -> [Condition]? {
    guard let node, let items = values.sequence(node, key: "conditions") else { return nil }
    guard !items.isEmpty else {
      problems.report(ProblemText.expectedList("conditions"), at: node)
      return nil
    }
    var conditions: [Condition] = []
    var failed = false
    for item in items {
      guard let condition = values.choice(item, key: "conditions", as: Condition.self) else {
        failed = true
        continue
      }
      if conditions.contains(condition) {
        problems.report(ProblemText.duplicate(condition.rawValue, key: "conditions"), at: item)
      }
      conditions.append(condition)
    }
    return failed ? nil : conditions
  }

  private func readCounterbalancing(_ node: Node?) -> CounterbalancingSettings? {
    let defaults = CounterbalancingSettings()
    guard let node else { return defaults }
    guard
      var reader = SettingsReader(
        node, keys: ["unit", "max_same_condition_in_a_row", "no_scent_twice_in_a_row"],
        what: LocalizedText(fr: "« counterbalancing »", en: "'counterbalancing'"), defaults: defaults,
        problems: problems)
    else { return nil }
    reader.read("unit", into: \.unit) { values.choice($0, key: $1, as: CounterbalancingUnit.self) }
    reader.read("max_same_condition_in_a_row", into: \.maximumSameConditionInARow) {
      values.integer($0, key: $1, in: 1...30)
    }
    reader.read("no_scent_twice_in_a_row", into: \.noScentTwiceInARow) { values.boolean($0, key: $1) }
    return reader.result
  }

  private func readCatalogue(_ node: Node?) -> ScentCatalogue? {
    var name = "scents.yaml"
    if let node {
      guard let text = values.string(node, key: "scent_catalogue") else { return nil }
      name = text
    }
    // Built from the relative path so that messages name the catalogue as the user would.
    let folder = (file.relativePath as NSString).deletingLastPathComponent
    let url = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name), relativeTo: file.baseURL)
    do {
      return try ScentCatalogue.load(contentsOf: url)
    } catch {
      if error.isUnreadableFile {
        problems.report(
          LocalizedText(
            fr:
              "le catalogue d'odeurs « \(name) » est introuvable à côté du protocole. Placez-le dans le même dossier ou corrigez « scent_catalogue ».",
            en:
              "the scent catalogue '\(name)' cannot be found beside the protocol. Put it in the same folder or correct 'scent_catalogue'."
          ),
          at: node)
      } else {
        problems.absorb(error)
      }
      return nil
    }
  }
}
