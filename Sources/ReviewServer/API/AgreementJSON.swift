import Research
import Review
import Store

/// The agreement page's data: one figure per measure, and the disagreements to settle.
struct AgreementJSON: Encodable {
  struct Measure: Encodable {
    var measure: String
    var pairs: Int
    var statistic: String
    var value: Double?
  }

  struct CoderValue: Encodable {
    var coder: String
    var value: Double
  }

  struct Disagreement: Encodable {
    var id: String
    var measure: String
    var revision: Int
    var values: [CoderValue]
    var consensus: Double?
  }

  var measures: [Measure]
  var disagreements: [Disagreement]

  init(_ page: AgreementPage) {
    measures = page.report.measures.map {
      Measure(measure: $0.measure.rawValue, pairs: $0.n, statistic: $0.statistic, value: $0.value)
    }
    disagreements = page.report.measures.flatMap { measure in
      measure.disagreements.map { disagreement in
        Disagreement(
          id: disagreement.id, measure: measure.measure.rawValue, revision: page.revisions[disagreement.id] ?? 0,
          values: [disagreement.first, disagreement.second].map {
            CoderValue(coder: $0.coder.rawValue, value: $0.value)
          },
          consensus: disagreement.consensus?.value)
      }
    }
  }
}
