import Foundation

/// Writes Praat TextGrids (long text format, UTF-8, `.` as decimal separator whatever the locale).
///
/// `textGrid(for:…)` lays out, per speaker, an utterance tier named by its CHAT code and a
/// `<code>-words` tier when word times are known, then `speech` and `pauses` tiers from the audio
/// side. Interval tiers are contiguous from xmin to xmax, gaps filled with empty intervals.
public enum TextGridWriter {
  /// A TextGrid for `transcript`, with optional speech segments and pauses (seconds) from voice
  /// activity detection. `duration` extends the grid to the end of the recording.
  ///
  /// Every labelled utterance and word is on its tier: utterances that overlap or share an interval
  /// are joined into one label rather than clipped away.
  ///
  /// - Parameter silenceLabel: the text of the `speech` tier's intervals outside speech. Praat
  ///   shows an empty label as nothing at all, so a grid meant for scanning by eye can say
  ///   `silence` there.
  /// - Parameter keepingEmptyPausesTier: write the `pauses` tier even without pauses, so that a
  ///   grid always shows what the measures counted, zero included.
  public static func textGrid(
    for transcript: Transcript, speechSegments: [(start: Double, end: Double)] = [],
    pauses: [(start: Double, end: Double)] = [], duration: Double? = nil, silenceLabel: String = "",
    keepingEmptyPausesTier: Bool = false
  ) -> TextGrid {
    let ends =
      transcript.utterances.compactMap(\.end) + transcript.utterances.flatMap { $0.words.map(\.end) }
      + speechSegments.map(\.end) + pauses.map(\.end)
    let xmax = max(duration ?? 0, ends.max() ?? 0)
    var tiers: [TextGridTier] = []
    for speaker in transcript.speakers {
      let spoken = transcript.utterances(of: speaker)
      let spans = spoken.compactMap { utterance in
        utterance.start.flatMap { start in utterance.end.map { (start: start, end: $0, text: utterance.text) } }
      }
      if !spans.isEmpty || spoken.allSatisfy({ $0.start == nil }) {
        tiers.append(intervalTier(named: speaker, spans, xmax: xmax, joiningOverlaps: true))
      }
      let words = spoken.flatMap(\.words).map { (start: $0.start, end: $0.end, text: $0.text) }
      if !words.isEmpty {
        tiers.append(intervalTier(named: speaker + "-words", words, xmax: xmax, joiningOverlaps: true))
      }
    }
    if !speechSegments.isEmpty {
      tiers.append(
        intervalTier(
          named: "speech", speechSegments.map { ($0.start, $0.end, "speech") }, xmax: xmax, gapText: silenceLabel))
    }
    if !pauses.isEmpty || keepingEmptyPausesTier {
      tiers.append(intervalTier(named: "pauses", pauses.map { ($0.start, $0.end, "pause") }, xmax: xmax))
    }
    return TextGrid(xmin: 0, xmax: xmax, tiers: tiers)
  }

  /// An interval tier covering `0…xmax`: spans in time order, gaps labelled `gapText`.
  ///
  /// A span that starts before the previous one ends is clipped, or with `joiningOverlaps` joined
  /// to it (its text appended, the interval extended), so that no label is lost; so is a span
  /// too short to be an interval of its own.
  static func intervalTier(
    named name: String, _ spans: [(start: Double, end: Double, text: String)], xmax: Double, gapText: String = "",
    joiningOverlaps: Bool = false
  ) -> TextGridTier {
    var intervals: [TextGridInterval] = []
    var cursor = 0.0
    var carried: [String] = []
    for span in spans.sorted(by: { $0.start < $1.start }) {
      let start = max(span.start, cursor)
      let end = min(span.end, xmax)
      if joiningOverlaps, span.start < cursor || end <= start, !span.text.isEmpty {
        // The last interval is always a span's (gaps are added only before one), and ends at `cursor`.
        if let last = intervals.indices.last, span.start <= cursor {
          intervals[last].text += " " + span.text
          if end > intervals[last].xmax {
            intervals[last].xmax = end
            cursor = end
          }
        } else {
          carried.append(span.text)
        }
        continue
      }
      guard end > start else { continue }
      if start > cursor { intervals.append(TextGridInterval(xmin: cursor, xmax: start, text: gapText)) }
      intervals.append(TextGridInterval(xmin: start, xmax: end, text: (carried + [span.text]).joined(separator: " ")))
      carried = []
      cursor = end
    }
    if !carried.isEmpty, xmax > cursor {
      intervals.append(TextGridInterval(xmin: cursor, xmax: xmax, text: carried.joined(separator: " ")))
      cursor = xmax
    }
    if cursor < xmax || intervals.isEmpty {
      intervals.append(TextGridInterval(xmin: cursor, xmax: max(xmax, cursor), text: gapText))
    }
    return TextGridTier(name: name, xmin: 0, xmax: xmax, content: .intervals(intervals))
  }

  /// The long ("text") format that Praat writes and reads.
  public static func text(of grid: TextGrid) -> String {
    var lines = [
      "File type = \"ooTextFile\"", "Object class = \"TextGrid\"", "",
      "xmin = \(number(grid.xmin))", "xmax = \(number(grid.xmax))",
    ]
    if grid.tiers.isEmpty {
      lines.append("tiers? <absent>")
      return lines.joined(separator: "\n") + "\n"
    }
    lines += ["tiers? <exists>", "size = \(grid.tiers.count)", "item []:"]
    for (tierIndex, tier) in grid.tiers.enumerated() {
      lines.append("    item [\(tierIndex + 1)]:")
      switch tier.content {
      case .intervals(let intervals):
        lines += [
          "        class = \"IntervalTier\"", "        name = \(quoted(tier.name))",
          "        xmin = \(number(tier.xmin))", "        xmax = \(number(tier.xmax))",
          "        intervals: size = \(intervals.count)",
        ]
        for (index, interval) in intervals.enumerated() {
          lines += [
            "        intervals [\(index + 1)]:", "            xmin = \(number(interval.xmin))",
            "            xmax = \(number(interval.xmax))", "            text = \(quoted(interval.text))",
          ]
        }
      case .points(let points):
        lines += [
          "        class = \"TextTier\"", "        name = \(quoted(tier.name))",
          "        xmin = \(number(tier.xmin))", "        xmax = \(number(tier.xmax))",
          "        points: size = \(points.count)",
        ]
        for (index, point) in points.enumerated() {
          lines += [
            "        points [\(index + 1)]:", "            number = \(number(point.time))",
            "            mark = \(quoted(point.mark))",
          ]
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func data(of grid: TextGrid) -> Data {
    Data(text(of: grid).utf8)
  }

  /// Shortest text that reads back as the same `Double`, always with `.`, never locale-dependent.
  static func number(_ value: Double) -> String {
    let text = "\(value)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
