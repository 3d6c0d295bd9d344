import SessionModel
import Yams

extension ProtocolReader {
  private typealias Bounds = ScentSafetyLimits.HardBounds

  /// Safety limits start from ``ScentSafetyLimits/standard``; a file may only tighten them.
  func readSafety(_ node: Node?) -> ScentSafetyLimits? {
    guard let node else { return .standard }
    guard
      var reader = SettingsReader(
        node,
        keys: [
          "maximum_pulse_ms", "minimum_interval_ms", "purge_ms", "maximum_channel_duty_cycle",
          "duty_cycle_window_ms", "maximum_releases_per_session", "maximum_total_release_ms_per_session",
          "lead_time_ms",
        ], what: LocalizedText(fr: "« scent_safety »", en: "'scent_safety'"), defaults: ScentSafetyLimits.standard,
        problems: problems)
    else { return nil }
    func bounded(_ bound: Int, accepts: @escaping (Int) -> Bool, tighter: LocalizedText) -> (Node, String) -> Int? {
      { found, key in
        guard let value = values.integer(found, key: key, in: Int.min...Int.max) else { return nil }
        guard accepts(value) else {
          problems.report(
            ProblemText.safetyLooserThanBound(key, value: "\(value)", bound: "\(bound)", tighter: tighter), at: found)
          return nil
        }
        return value
      }
    }
    func atMost(_ bound: Int) -> (Node, String) -> Int? {
      bounded(
        bound, accepts: { (1...bound).contains($0) },
        tighter: LocalizedText(fr: "choisissez entre 1 et \(bound)", en: "choose between 1 and \(bound)"))
    }
    func atLeast(_ bound: Int) -> (Node, String) -> Int? {
      bounded(
        bound, accepts: { $0 >= bound },
        tighter: LocalizedText(fr: "choisissez au moins \(bound)", en: "choose at least \(bound)"))
    }
    reader.read("maximum_pulse_ms", into: \.maximumPulseMilliseconds, atMost(Bounds.maximumPulseMilliseconds))
    reader.read(
      "minimum_interval_ms", into: \.minimumIntervalMilliseconds, atLeast(Bounds.minimumIntervalMilliseconds))
    reader.read(
      "maximum_releases_per_session", into: \.maximumReleasesPerSession, atMost(Bounds.maximumReleasesPerSession))
    reader.read(
      "maximum_total_release_ms_per_session", into: \.maximumTotalReleaseMillisecondsPerSession,
      atMost(Bounds.maximumTotalReleaseMillisecondsPerSession))
    reader.read("duty_cycle_window_ms", into: \.dutyCycleWindowMilliseconds, atMost(600_000))
    reader.read("lead_time_ms", into: \.leadTimeMilliseconds) {
      values.integer($0, key: $1, in: 0...Bounds.maximumLeadTimeMilliseconds)
    }
    reader.read("maximum_channel_duty_cycle", into: \.maximumChannelDutyCycle) { found, key in
      guard let value = values.decimal(found, key: key, in: 0...1) else { return nil }
      guard value > 0, value <= Bounds.maximumChannelDutyCycle else {
        problems.report(
          ProblemText.safetyLooserThanBound(
            key, value: found.scalar?.string ?? "", bound: "\(Bounds.maximumChannelDutyCycle)",
            tighter: LocalizedText(
              fr: "choisissez une part entre 0.05 et \(Bounds.maximumChannelDutyCycle)",
              en: "choose a share between 0.05 and \(Bounds.maximumChannelDutyCycle)")),
          at: found)
        return nil
      }
      return value
    }
    // The purge must end before the next release may start, so it is checked against the interval just read.
    let interval = reader.settings.minimumIntervalMilliseconds
    reader.read("purge_ms", into: \.purgeMilliseconds) { found, key in
      guard let value = values.integer(found, key: key, in: 0...Bounds.maximumPulseMilliseconds * 6) else { return nil }
      guard value < interval else {
        problems.report(ProblemText.purgeLongerThanInterval(value, interval: interval), at: found)
        return nil
      }
      return value
    }
    return reader.result
  }

  func readPresentation(_ node: Node?, safety: ScentSafetyLimits?) -> PresentationSettings? {
    let defaults = PresentationSettings()
    guard let node else { return defaults }
    guard
      var reader = SettingsReader(
        node, keys: ["image_seconds", "scent_pulse_ms"],
        what: LocalizedText(fr: "« presentation »", en: "'presentation'"), defaults: defaults, problems: problems)
    else { return nil }
    reader.read("image_seconds", into: \.imageSeconds) {
      values.integer($0, key: $1, in: PresentationSettings.imageSecondsRange)
    }
    reader.read("scent_pulse_ms", into: \.scentPulseMilliseconds) { found, key in
      guard let value = values.integer(found, key: key, in: 500...Bounds.maximumPulseMilliseconds) else { return nil }
      if let safety, value > safety.maximumPulseMilliseconds {
        problems.report(ProblemText.pulseLongerThanLimit(value, limit: safety.maximumPulseMilliseconds), at: found)
        return nil
      }
      return value
    }
    // Without a pulse of its own, the default shortens to what the safety limits allow.
    if !reader.entry.contains("scent_pulse_ms"), let safety,
      reader.settings.scentPulseMilliseconds > safety.maximumPulseMilliseconds
    {
      reader.settings.scentPulseMilliseconds = safety.maximumPulseMilliseconds
    }
    return reader.result
  }

  /// What a session built from these settings would release, against the session limits.
  func checkSessionShape(
    conditions: [Condition], trials: Int, pool: Int, counterbalancing: CounterbalancingSettings?,
    presentation: PresentationSettings?, safety: ScentSafetyLimits?, trialsNode: Node?
  ) {
    if trials > pool {
      problems.report(ProblemText.trialsExceedPool(trials, pool: pool), at: trialsNode)
    }
    if let counterbalancing, conditions.count == 1, trials > counterbalancing.maximumSameConditionInARow {
      problems.report(
        ProblemText.runTooShort(counterbalancing.maximumSameConditionInARow, conditions: 1), at: trialsNode)
    }
    guard let presentation, let safety else { return }
    let releases = SessionPlanner.maximumScentTrials(conditions: conditions, trialsPerSession: trials)
    if releases > safety.maximumReleasesPerSession {
      problems.report(ProblemText.tooManyReleases(releases, limit: safety.maximumReleasesPerSession), at: trialsNode)
    } else if releases * presentation.scentPulseMilliseconds > safety.maximumTotalReleaseMillisecondsPerSession {
      problems.report(
        ProblemText.tooMuchReleaseTime(
          releases * presentation.scentPulseMilliseconds, limit: safety.maximumTotalReleaseMillisecondsPerSession),
        at: trialsNode)
    }
  }
}
