import Foundation
import ProtocolKit
import SessionModel
import Testing

/// `inclusion:` and `stratification:` in a protocol file: what each reads as, and each mistake
/// reported at its line with what to do.
@Suite struct InclusionCriteriaReadingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let criteria: InclusionCriteria?
    let stratification: Stratification?
    /// The problems' lines, in French, when the file is refused.
    let problems: [String]

    init(
      _ name: String, _ yaml: String, criteria: InclusionCriteria? = nil, stratification: Stratification? = nil,
      problems: [String] = []
    ) {
      self.name = name
      self.yaml = yaml
      self.criteria = criteria
      self.stratification = stratification
      self.problems = problems
    }

    var testDescription: String { name }
  }

  /// `valid-essai.yaml` has 18 lines: the keys below start on line 19.
  static let cases: [Case] = [
    Case("none", "", criteria: InclusionCriteria.everyone),
    Case(
      "every criterion",
      """
      inclusion:
        months_since_stroke: {min: 1, max: 6}
        single_unilateral_stroke: true
        no_comprehension_or_expression_disorder: true
        smell_screening_done: true
      """,
      criteria: InclusionCriteria(
        monthsSinceStroke: 1...6, singleUnilateralStroke: true, noComprehensionOrExpressionDisorder: true,
        smellScreeningDone: true)),
    Case(
      "only a window", "inclusion:\n  months_since_stroke: {min: 0, max: 12}\n",
      criteria: InclusionCriteria(monthsSinceStroke: 0...12)),
    Case(
      "a stratification",
      """
      stratification:
        by: memory_disorder
        arms: {yes: bras-a}
        balance: [aphasia, usable_hand]
      """,
      criteria: InclusionCriteria.everyone,
      stratification: Stratification(by: .memoryDisorder, armWith: "bras-a", balance: [.aphasia, .usableHand])),
    Case(
      "window upside down", "inclusion:\n  months_since_stroke: {min: 6, max: 1}\n", criteria: nil,
      problems: [
        "essai.yaml:20:38: « months_since_stroke » : max (1) est inférieur à min (6). Écrivez par exemple {min: 1, max: 6}."
      ]),
    Case(
      "window without max", "inclusion:\n  months_since_stroke: {min: 1}\n", criteria: nil,
      problems: ["essai.yaml:20:24: la clé « max » manque. Ajoutez « max: … » à ce niveau."]),
    Case(
      "misspelt criterion", "inclusion:\n  single_unilateral_strok: true\n", criteria: nil,
      problems: [
        "essai.yaml:20:3: clé inconnue « single_unilateral_strok ». Vouliez-vous dire « single_unilateral_stroke » ?"
      ]),
    Case(
      "criterion not a boolean", "inclusion:\n  smell_screening_done: peut-être\n", criteria: nil,
      problems: [
        "essai.yaml:20:25: « smell_screening_done » doit valoir true ou false, pas « peut-être ». Écrivez true ou false."
      ]),
    Case(
      "unknown arm", "stratification:\n  by: memory_disorder\n  arms: {yes: bras-b}\n", criteria: nil,
      problems: [
        "essai.yaml:21:15: valeur inconnue « bras-b » pour « stratification.arms.yes ». Vouliez-vous dire « bras-a » ?"
      ]),
    Case(
      "unknown balance factor", "stratification:\n  by: memory_disorder\n  balance: [aphasie]\n", criteria: nil,
      problems: [
        "essai.yaml:21:13: valeur inconnue « aphasie » pour « balance ». Vouliez-vous dire « aphasia » ?"
      ]),
    Case(
      "stratification without by", "stratification:\n  balance: [aphasia]\n", criteria: nil,
      problems: ["essai.yaml:20:3: la clé « by » manque. Ajoutez « by: … » à ce niveau."]),
  ]

  @Test(arguments: cases)
  func readsOrReports(_ c: Case) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-inclusion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: RepositoryPaths.fixture("scents.yaml"), to: folder.appendingPathComponent("scents.yaml"))
    let essai = try String(contentsOf: RepositoryPaths.fixture("valid-essai.yaml"), encoding: .utf8)
    let file = URL(fileURLWithPath: "essai.yaml", relativeTo: URL(fileURLWithPath: folder.path, isDirectory: true))
    try (essai + c.yaml + (c.yaml.hasSuffix("\n") || c.yaml.isEmpty ? "" : "\n"))
      .write(to: file, atomically: true, encoding: .utf8)
    switch Result(catching: { () throws(ProtocolValidationFailure) in
      try ProtocolLoader.load(contentsOf: file, assets: RepositoryPaths.fixtureAssets)
    }) {
    case .success(let loaded):
      #expect(c.problems.isEmpty, "accepted a file it should refuse")
      #expect(loaded.inclusion == c.criteria)
      #expect(loaded.stratification == c.stratification)
    case .failure(let failure):
      #expect(failure.problems.map { $0.text(in: .french) } == c.problems)
    }
  }

  @Test func theShippedTrialCarriesItsCriteriaAndStratification() throws {
    let trial = try ProtocolLoader.load(
      contentsOf: RepositoryPaths.protocols.appendingPathComponent("espoir-avc.yaml"), assets: RepositoryPaths.assets)
    #expect(
      trial.inclusion
        == InclusionCriteria(
          monthsSinceStroke: 1...6, singleUnilateralStroke: true, noComprehensionOrExpressionDisorder: true,
          smellScreeningDone: true))
    #expect(
      trial.stratification
        == Stratification(
          by: .memoryDisorder, armWith: "avec-troubles-memoire", armWithout: "sans-troubles-memoire",
          balance: [.aphasia, .usableHand]))
  }
}
