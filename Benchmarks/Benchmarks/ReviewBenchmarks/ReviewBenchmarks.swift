import Benchmark
import Foundation
import Review
import SessionModel
import Store
import TestSupport

// The review workstation's three figures (docs/PERFORMANCE.md): an answer page's data ready for a
// two-minute 48 kHz recording, the live counts of a 300-word answer, a queue page out of 10,000
// answers. Each fixture is a real database file and real WAV files, made in setup.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 2,
    maxDuration: .seconds(10), maxIterations: 200)

  let longAnswer = Kept<ReviewStudyFixture>()
  let coder = CoderCode(rawValue: "ORT1")!
  // A new desk each time: the waveform is computed from the file, as on a first visit.
  Benchmark(
    "Answer page data, first visit: 2-minute 48 kHz WAV (peaks, transcript, counts, view)",
    closure: { benchmark in
      let study = try longAnswer.value()
      let id = try study.database.review.id(of: study.answers[0])
      for _ in benchmark.scaledIterations {
        let desk = try ReviewDesk(database: study.database)
        blackHole(try desk.answerPage(id, for: coder))
      }
    },
    setup: {
      longAnswer.keep(try ReviewStudyFixture(participants: 1, trials: 1, recordingSeconds: 120, sampleRate: 48_000))
    }, teardown: { longAnswer.take()?.remove() })

  let revisit = Kept<(ReviewStudyFixture, ReviewDesk)>()
  Benchmark(
    "Answer page data, next visits: 2-minute 48 kHz WAV (peaks kept)",
    closure: { benchmark in
      let (study, desk) = try revisit.value()
      let id = try study.database.review.id(of: study.answers[0])
      for _ in benchmark.scaledIterations { blackHole(try desk.answerPage(id, for: coder)) }
    },
    setup: {
      let study = try ReviewStudyFixture(participants: 1, trials: 1, recordingSeconds: 120, sampleRate: 48_000)
      revisit.keep((study, try ReviewDesk(database: study.database)))
    }, teardown: { revisit.take()?.0.remove() })

  Benchmark(
    "Live counts: TranscriptCheck.analyze, 300-word answer",
    configuration: .init(timeUnits: .microseconds, maxIterations: 2_000),
    closure: { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(TranscriptCheck.analyze(threeHundredWords, mode: .plainText, participant: "P01"))
      }
    })

  let bigQueue = Kept<(ReviewStudyFixture, ReviewDesk)>()
  Benchmark(
    "Queue page of 50 out of 10,000 answers (states counted over all)",
    configuration: .init(maxIterations: 50),
    closure: { benchmark in
      let (_, desk) = try bigQueue.value()
      for index in benchmark.scaledIterations {
        blackHole(try desk.queue(QueueRequest(page: 1 + index % 200, pageSize: 50), for: coder))
      }
    },
    setup: {
      let study = try ReviewStudyFixture(participants: 10, trials: 1_000, withRecordings: false)
      bigQueue.keep((study, try ReviewDesk(database: study.database)))
    }, teardown: { bigQueue.take()?.0.remove() })
}

/// A 300-word spoken answer as a therapist types it: fillers, a repetition, memories with dates and places.
let threeHundredWords: String = {
  let sentences = [
    "Euh ça me rappelle le verger de mon grand-père, en 1962, quand on allait cueillir les pommes.",
    "On y allait tous les dimanches avec mes frères et on rentrait le soir avec des paniers pleins.",
    "Le le jour de mon mariage, on a dansé toute la nuit chez mes parents à la ferme.",
    "Ma mère faisait des tartes aux pommes et la maison sentait bon la cannelle et le beurre.",
    "Bon, après on a déménagé à Nantes et je n'y suis plus jamais retournée, c'est dommage.",
  ]
  var words: [String] = []
  var index = 0
  while words.count < 300 {
    words += sentences[index % sentences.count].split(separator: " ").map(String.init)
    index += 1
  }
  return words.prefix(300).joined(separator: " ") + "."
}()
