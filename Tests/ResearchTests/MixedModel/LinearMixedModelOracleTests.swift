import Foundation
import Research
import SessionModel
import TestSupport
import Testing

/// ConnectAge's linear mixed model against R's lmer (REML) with lmerTest's Satterthwaite tests and
/// emmeans' marginal means, on the same seeded synthetic trials. Tolerances: estimates, standard
/// errors, variances and the REML criterion to 1e-5 relative (both optimisers stop near 1e-8 in
/// the variance ratios); degrees of freedom to 1e-3 relative and p-values to 1e-3 relative or
/// 1e-7 absolute (lmerTest differentiates numerically too, with another scheme).
@Suite struct LinearMixedModelOracleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var design: SyntheticTrialData.Design
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    var twoPopulations = SyntheticTrialData.Design()
    twoPopulations.seed = 1
    var severalGroups = SyntheticTrialData.Design()
    severalGroups.seed = 2
    severalGroups.groupsPerPopulation = 3
    severalGroups.patientsPerGroup = 5
    severalGroups.groupSD = 1
    var onePopulation = SyntheticTrialData.Design()
    onePopulation.seed = 3
    onePopulation.bothPopulations = false
    onePopulation.groupsPerPopulation = 4
    onePopulation.patientsPerGroup = 4
    onePopulation.groupSD = 1.5
    var threeSites = SyntheticTrialData.Design()
    threeSites.seed = 4
    threeSites.groupsPerPopulation = 3
    threeSites.patientsPerGroup = 5
    threeSites.siteEffects = [0, 1.2, -0.8]
    return [
      Case(name: "two populations, two groups", design: twoPopulations),
      Case(name: "two populations, six groups at three sites", design: threeSites),
      Case(name: "two populations, six groups", design: severalGroups),
      Case(name: "one population, four groups", design: onePopulation),
    ]
  }()

  static let oracle = #"""
    suppressPackageStartupMessages({ library(lmerTest); library(emmeans) })
    d <- read.csv("data.csv", stringsAsFactors = FALSE)
    d$condition <- factor(d$condition, levels = c("image", "image_game", "image_scent"))
    d$memory <- factor(ifelse(d$memory_disorder == 1, "with", "without"), levels = c("without", "with"))
    both <- length(unique(d$memory)) == 2
    groups <- length(unique(d$group)) >= 3
    sites <- length(unique(d$site)) >= 2
    d$site <- factor(d$site, levels = sort(unique(d$site), method = "radix"))
    f <- paste("value ~", if (both) "condition * memory" else "condition", "+ session_number +",
               if (sites) "site +" else "", if (groups) "(1 | group) +" else "", "(1 | participant)")
    m <- lmer(as.formula(f), data = d, REML = TRUE,
              control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5)))
    co <- coef(summary(m))
    rows <- data.frame(kind = "fixed", name = rownames(co), estimate = co[, 1], se = co[, 2], df = co[, 3], p = co[, 5])
    e <- summary(emmeans(m, ~ condition, lmer.df = "satterthwaite"))
    rows <- rbind(rows, data.frame(kind = "mean", name = as.character(e$condition), estimate = e$emmean, se = e$SE,
                                   df = e$df, p = NA))
    k <- summary(contrast(emmeans(m, ~ condition, lmer.df = "satterthwaite"), "trt.vs.ctrl", adjust = "none"))
    rows <- rbind(rows, data.frame(kind = "contrast", name = as.character(k$contrast), estimate = k$estimate,
                                   se = k$SE, df = k$df, p = k$p.value))
    # Holm over every effect the fit reports: averaged, then in each population when there are two.
    effects <- data.frame(name = paste(k$contrast, "all"), p = k$p.value)
    if (both) {
      kp <- summary(contrast(emmeans(m, ~ condition | memory, lmer.df = "satterthwaite"), "trt.vs.ctrl",
                             adjust = "none"))
      effects <- rbind(effects, data.frame(name = paste(kp$contrast, kp$memory), p = kp$p.value))
    }
    rows <- rbind(rows, data.frame(kind = "holm", name = effects$name, estimate = p.adjust(effects$p, "holm"),
                                   se = NA, df = NA, p = NA))
    vc <- as.data.frame(VarCorr(m))
    rows <- rbind(rows, data.frame(kind = "variance", name = vc$grp, estimate = vc$vcov, se = NA, df = NA, p = NA))
    rows <- rbind(rows, data.frame(kind = "reml", name = "criterion", estimate = REMLcrit(m), se = NA, df = NA, p = NA))
    write.csv(rows, "oracle.csv", row.names = FALSE)
    """#

  struct Figure {
    var kind: String
    var name: String
    var estimate: Double
    var se: Double?
    var df: Double?
    var p: Double?
  }

  static func figures(from csv: String) -> [Figure] {
    csv.split(separator: "\n").dropFirst().map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
      return Figure(
        kind: cells[0], name: cells[1], estimate: Double(cells[2])!, se: Double(cells[3]), df: Double(cells[4]),
        p: Double(cells[5]))
    }
  }

  static func close(_ ours: Double, _ theirs: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(ours - theirs) <= max(relative * abs(theirs), absolute)
  }

  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)), arguments: cases)
  func agreesWithLmerTest(_ example: Case) throws {
    let trial = SyntheticTrialData(design: example.design)
    let fit = try LinearMixedModel.fit(trial.speechDurations)
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try trial.speechDurationsCSV.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    let script = folder.appendingPathComponent("oracle.R")
    try Self.oracle.write(to: script, atomically: true, encoding: .utf8)
    try RScript.run(script, in: folder)
    let figures = Self.figures(
      from: try String(contentsOf: folder.appendingPathComponent("oracle.csv"), encoding: .utf8))

    var compared = 0
    var holm = 0
    for figure in figures {
      let ours: MixedModelEstimate?
      switch figure.kind {
      case "fixed": ours = fit.fixedEffect(figure.name)
      case "mean": ours = Condition(rawValue: figure.name).flatMap { fit.marginalMean(of: $0) }
      case "contrast":
        let condition = Condition(rawValue: String(figure.name.split(separator: " ")[0]))
        ours = condition.flatMap { fit.effect(of: $0) }
      case "holm":
        // `image_scent - image with`: the condition, then the population the effect is estimated in.
        let words = figure.name.split(separator: " ")
        let population: MemoryPopulation? =
          switch words.last {
          case "with": .withMemoryDisorder
          case "without": .withoutMemoryDisorder
          default: nil
          }
        let adjusted = fit.contrasts.first {
          $0.kind == .effect && $0.condition.rawValue == words.first.map(String.init) && $0.population == population
        }?.holmAdjustedP
        #expect(
          adjusted.map { Self.close($0, figure.estimate, relative: 1e-3, absolute: 1e-7) } == true,
          "Holm \(figure.name): \(adjusted.map(String.init(describing:)) ?? "none") vs \(figure.estimate)")
        holm += 1
        continue
      case "variance":
        let variance: Double? =
          switch figure.name {
          case "participant": fit.variance.participant
          case "group": fit.variance.group
          default: fit.variance.residual
          }
        #expect(variance.map { Self.close($0, figure.estimate, relative: 1e-5, absolute: 1e-8) } == true, "\(figure)")
        compared += 1
        continue
      default:
        #expect(Self.close(fit.remlCriterion, figure.estimate, relative: 1e-8), "REML criterion \(fit.remlCriterion)")
        compared += 1
        continue
      }
      guard let ours else {
        Issue.record("no \(figure.kind) \(figure.name) in ConnectAge's fit")
        continue
      }
      #expect(Self.close(ours.estimate, figure.estimate, relative: 1e-5, absolute: 1e-7), "\(figure.name) estimate")
      if let se = figure.se { #expect(Self.close(ours.standardError, se, relative: 1e-5), "\(figure.name) SE") }
      if let df = figure.df {
        #expect(
          Self.close(ours.degreesOfFreedom, df, relative: 1e-3), "\(figure.name) df \(ours.degreesOfFreedom) vs \(df)")
      }
      if let p = figure.p {
        #expect(Self.close(ours.p, p, relative: 1e-3, absolute: 1e-7), "\(figure.name) p \(ours.p) vs \(p)")
      }
      compared += 1
    }
    #expect(
      compared == fit.fixedEffects.count + 2 * fit.conditions.count - 1 + (fit.includesGroupIntercept ? 3 : 2) + 1)
    #expect(holm == fit.contrasts.count { $0.kind == .effect } && holm >= 2)
    let sites = example.design.siteEffects.count
    #expect(fit.sites == (sites >= 2 ? (1...sites).map { "SITE-\($0)" } : []))
    #expect(fit.formula.contains("+ site") == (sites >= 2))
  }
}
