import SessionModel

/// The horizontal axis of a plot across the trial's sessions: one tick per session number, the
/// sessions a fortnight apart. Shared by the statistics' trajectories and the reports' series.
struct SessionAxis {
  let frame: PlotFrame
  let lastSession: Int

  init(frame: PlotFrame, sessions: [Int]) {
    self.frame = frame
    lastSession = max(sessions.max() ?? 1, 2)
  }

  func x(_ session: Int) -> Double {
    frame.left + 20 + Double(session - 1) / Double(lastSession - 1) * (frame.right - frame.left - 40)
  }

  /// The ticks, their numbers and the axis title.
  func marks(language: Language) -> [String] {
    var marks: [String] = []
    for session in 1...lastSession {
      marks.append(SVG.line(x(session), frame.bottom, x(session), frame.bottom + 5))
      marks.append(SVG.text("\(session)", x: x(session), y: frame.bottom + 20))
    }
    marks.append(
      SVG.text(
        LocalizedText(fr: "Séance (une toutes les deux semaines)", en: "Session (one every two weeks)")
          .text(in: language), x: (frame.left + frame.right) / 2, y: frame.bottom + 44))
    return marks
  }
}
