import Foundation
import SessionModel
import Store

/// Agreement between coders, per measure coded twice: weighted kappa for the memory counts,
/// ICC(2,1) for words and the reviewed first-word and last-word times, with n and the list of
/// answers on which the coders disagree (both values, and the consensus when one is recorded).
///
/// An answer coded by more than two coders contributes its two coders whose codes sort first, so
/// every figure is between two ratings per answer, as kappa and ICC(2,1) are defined here.
public struct AgreementReport: Hashable, Sendable {
  public var measures: [MeasureAgreement]

  /// Times closer than this are not listed as disagreements (the workstation's coarse step).
  public static let timeTolerance = 0.1

  public struct MeasureAgreement: Hashable, Sendable {
    public var measure: ReviewedMeasure
    /// Answers with two coders' values of the measure: the n of the figure.
    public var n: Int
    /// For counts of memories.
    public var kappa: WeightedKappa?
    /// For words and times.
    public var icc: IntraclassCorrelation?
    public var disagreements: [Disagreement]

    /// The figure reported: κ_w for memories, ICC(2,1) otherwise; nil when undefined.
    public var value: Double? { kappa?.kappa ?? icc?.icc }

    /// `weighted_kappa_quadratic` or `icc_2_1`.
    public var statistic: String {
      measure.usesKappa ? "weighted_kappa_quadratic" : "icc_2_1"
    }
  }

  /// Two coders' different values of one measure of one answer.
  public struct Disagreement: Hashable, Sendable {
    public var answer: AnswerKey
    /// The answer's opaque id, for a page.
    public var id: String
    public var first: CoderValue
    public var second: CoderValue
    public var consensus: Consensus?
  }

  public struct CoderValue: Hashable, Sendable {
    public var coder: CoderCode
    public var value: Double

    public init(coder: CoderCode, value: Double) {
      self.coder = coder
      self.value = value
    }
  }

  /// The report of `reviews`; `id` gives each answer's opaque id.
  public init(reviews: [AnswerKey: AnswerReview], id: (AnswerKey) throws -> String) rethrows {
    measures = try ReviewedMeasure.allCases.map { measure in
      var pairs: [(answer: AnswerKey, first: CoderValue, second: CoderValue)] = []
      for (answer, review) in reviews.sorted(by: { $0.key < $1.key }) {
        let values = review.values(of: measure)
        guard values.count >= 2 else { continue }
        pairs.append(
          (
            answer, CoderValue(coder: values[0].coder, value: values[0].value),
            CoderValue(coder: values[1].coder, value: values[1].value)
          ))
      }
      let tolerance = measure.isCount ? 0 : Self.timeTolerance
      let disagreements = try pairs.filter { abs($0.first.value - $0.second.value) > tolerance }.map { pair in
        Disagreement(
          answer: pair.answer, id: try id(pair.answer), first: pair.first, second: pair.second,
          consensus: reviews[pair.answer]?.consensus[measure])
      }
      let values = pairs.map { ($0.first.value, $0.second.value) }
      return MeasureAgreement(
        measure: measure, n: pairs.count,
        kappa: measure.usesKappa ? WeightedKappa(values) : nil,
        icc: measure.usesKappa ? nil : IntraclassCorrelation(values.map { [$0.0, $0.1] }),
        disagreements: disagreements)
    }
  }

  /// The agreement of the coders over the answers of `study` (every answer when nil).
  public static func load(from database: SessionDatabase, study: StudyID? = nil) throws -> AgreementReport {
    let sessions = try study.map { Set(try database.sessions.fetchAll(study: $0).map(\.id)) }
    let key = try CodingSheetKey.of(database)
    return AgreementReport(reviews: try database.review.records(in: sessions), id: key.answerID)
  }
}

extension ReviewedMeasure {
  /// Memory counts are judged by weighted kappa; words and times by ICC(2,1).
  var usesKappa: Bool { self == .memories || self == .specificMemories }
}
