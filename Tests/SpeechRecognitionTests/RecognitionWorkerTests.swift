import Foundation
import SpeechKit
import TestSupport
import Testing

@testable import SpeechRecognition

/// The real worker (faster-whisper, the Whisper base test model) on espeak-ng speech.
@Suite(.serialized, .enabled(if: InstalledRecognition.isInstalled, "run scripts/install-asr first"))
struct RecognitionWorkerTests {
  static let answer = "Ça me rappelle le verger de mon grand-père. On cueillait les pommes en septembre."

  @Test func draftsSpeechSkipsWhatIsDoneAndGoesOnAfterAFailedFile() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spoken = folder.appendingPathComponent("spoken.wav")
    let question = folder.appendingPathComponent("question.wav")
    let silent = folder.appendingPathComponent("silent.wav")
    let missing = folder.appendingPathComponent("missing.wav")
    let typed = folder.appendingPathComponent("typed.wav")
    try InstalledRecognition.speak(Self.answer, to: spoken)
    try InstalledRecognition.speak("Qu'est-ce que cela vous rappelle ? " + Self.answer, to: question)
    try WAVFile.write(
      [Float](repeating: 0, count: 48_000), format: WAVFormat(encoding: .signed16, sampleRate: 16_000, channels: 1),
      to: silent)
    try FileManager.default.copyItem(at: spoken, to: typed)
    try Data("le verger\n".utf8).write(to: typed.deletingPathExtension().appendingPathExtension("txt"))

    let worker = RecognitionWorker(setup: InstalledRecognition.setup, model: InstalledRecognition.model)
    defer { worker.stop() }
    let batch = DraftBatch(worker: worker)
    let jobs = [spoken, missing, silent, typed, question].map {
      DraftJob(recording: $0, prompt: "Qu'est-ce que cela vous rappelle ?")
    }
    var shares: [Double] = []
    let outcomes = try batch.run(jobs) { shares.append($0) }
    #expect(shares.last == 1)
    #expect(shares == shares.sorted(), "progress never goes back")

    guard case .drafted(let draft) = outcomes[0].status else {
      Issue.record("spoken: \(outcomes[0].status)")
      return
    }
    let words = draft.segments.flatMap(\.words).map { $0.word.lowercased() }.joined()
    // Whisper base on espeak-ng mishears much (docs/PERFORMANCE.md); some content words survive.
    #expect(["verger", "pommes", "septembre", "rappel"].contains { words.contains($0) }, "\(words)")
    #expect(draft.prompt == nil, "no question in this one")
    let transcript = try ASRJSONReader.read(url: DraftFile.url(of: spoken))
    #expect(transcript.source == .asr)

    guard case .failed(let error) = outcomes[1].status, case .fileFailed(let file, _) = error else {
      Issue.record("missing: \(outcomes[1].status)")
      return
    }
    #expect(file == missing.path)
    #expect(!FileManager.default.fileExists(atPath: DraftFile.url(of: missing).path), "nothing half-written")

    guard case .drafted(let silence) = outcomes[2].status else {
      Issue.record("silent: \(outcomes[2].status)")
      return
    }
    #expect(silence.segments.isEmpty, "Whisper invents nothing in silence: \(silence.segments.map(\.text))")

    guard case .alreadyTranscribed(let existing) = outcomes[3].status else {
      Issue.record("typed: \(outcomes[3].status)")
      return
    }
    #expect(existing.pathExtension == "txt")

    guard case .drafted(let asked) = outcomes[4].status else {
      Issue.record("question: \(outcomes[4].status)")
      return
    }
    let prompt = try #require(asked.prompt, "\(asked.segments.map(\.text))")
    #expect(asked.segments.first?.speaker == "INV")
    #expect((asked.firstAnswerWordStart ?? 0) >= prompt.end)

    // A second run finds every draft in place and recognises nothing again.
    let again = try batch.run(Array(jobs.prefix(1)))
    guard case .alreadyTranscribed = again[0].status else {
      Issue.record("resumed: \(again[0].status)")
      return
    }
  }

  @Test func aTruncatedModelIsRefusedWithWhatToInstall() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["config.json", "tokenizer.json", "vocabulary.json"] {
      try FileManager.default.createSymbolicLink(
        at: folder.appendingPathComponent(name),
        withDestinationURL: InstalledRecognition.model.folder.appendingPathComponent(name))
    }
    let whole = try FileHandle(forReadingFrom: InstalledRecognition.model.folder.appendingPathComponent("model.bin"))
    try (try whole.read(upToCount: 1_000_000) ?? Data()).write(to: folder.appendingPathComponent("model.bin"))
    try whole.close()
    let model = RecognitionModel(folder: folder)
    try model.check()  // every file is there: only loading it shows the damage
    let worker = RecognitionWorker(setup: InstalledRecognition.setup, model: model)
    let error = #expect(throws: RecognitionError.self) { try worker.start() }
    guard case .modelUnreadable(let path, _) = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(path == folder.path)
    #expect(error?.isBadInput == true)
  }

  /// Four sentences with 2 s pauses, recognised in 10 s windows (the bound a 60-minute file is read
  /// with, made tiny): each window's times are offset by where it starts, so the words run on in
  /// order to the end of the file, and a cut falls in a pause, so no word is recognised twice. The
  /// same file at 48 kHz goes the other way in (decoded and resampled block by block).
  @Test func aLongRecordingIsRecognisedInBoundedWindowsWithContinuousTimes() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sentences = [
      "Le verger de mon grand-père était plein de pommes.", "Nous allions au marché chaque samedi matin.",
      "La plage de Bretagne sentait le sel et les algues.", "Mon mariage a eu lieu au printemps.",
    ]
    var parts: [String] = []
    for (index, sentence) in sentences.enumerated() {
      let part = folder.appendingPathComponent("part-\(index).wav")
      try InstalledRecognition.speak(sentence, to: part)
      parts.append(part.path)
    }
    let long = folder.appendingPathComponent("long.wav")
    // Each sentence trimmed, then padded to a 5 s period: about 3 s of speech and 2 s of pause.
    var padded: [String] = []
    for (index, part) in parts.enumerated() {
      let out = folder.appendingPathComponent("padded-\(index).wav").path
      try ExternalTool.run("sox", [part, out, "silence", "1", "0.01", "0.5%", "pad", "0", "2"])
      padded.append(out)
    }
    try ExternalTool.run("sox", padded + [long.path])
    let wide = folder.appendingPathComponent("long-48k.wav")
    try ExternalTool.run("sox", [long.path, "-r", "48000", wide.path])

    var setup = InstalledRecognition.setup
    setup.windowSeconds = 10
    let worker = RecognitionWorker(setup: setup, model: InstalledRecognition.model)
    defer { worker.stop() }
    for file in [long, wide] {
      let (segments, duration, windowStarts) = try worker.transcribe(file, language: "fr")
      let words = segments.flatMap(\.words)
      #expect(windowStarts.count >= 2 && windowStarts.first == 0, "\(windowStarts)")
      let spoken = words.map { "\($0.word.trimmingCharacters(in: .whitespaces))@\($0.start)-\($0.end)" }
      #expect(duration > 15, "\(file.lastPathComponent): \(duration)")
      try #require(words.count >= 8, "\(file.lastPathComponent): \(spoken)")
      // Times offset by each window's start: the words run on past the first window, to the end.
      #expect((words.last?.end ?? 0) > 12, "\(spoken)")
      #expect(words.allSatisfy { $0.start >= 0 && $0.end <= duration + 0.01 && $0.start <= $0.end }, "\(spoken)")
      for (previous, next) in zip(words, words.dropFirst()) {
        #expect(next.start >= previous.end - 0.05, "times go back: \(spoken)")
        // The last word of a window and the first of the next: never the same word twice. (Inside
        // a window, Whisper base may loop on a syllable of espeak-ng speech, "-ya -ya -ya": the
        // model's weakness, not the windows'.)
        guard windowStarts.contains(where: { previous.start < $0 && $0 <= next.start + 0.05 }) else { continue }
        let (a, b) = (Self.normalised(previous.word), Self.normalised(next.word))
        #expect(a.isEmpty || a != b, "a word twice at an edge: \(spoken)")
      }
    }
  }

  /// An hour-long recording (an hour of a quiet room, then one answer) in the default 10-minute
  /// windows: the answer's words carry their times at the end of the hour, and the worker's peak
  /// memory, which it logs after each window, stops growing after the second window.
  @Test func anHourLongRecordingIsReadInWindowsWithBoundedMemory() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spoken = folder.appendingPathComponent("spoken.wav")
    try InstalledRecognition.speak(Self.answer, to: spoken)
    let answer = folder.appendingPathComponent("answer.wav")
    try ExternalTool.run("sox", [spoken.path, "-r", "16000", "-c", "1", "-b", "16", answer.path])
    let room = folder.appendingPathComponent("room.wav")
    try ExternalTool.run("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", room.path, "trim", "0", "3590"])
    let hour = folder.appendingPathComponent("hour.wav")
    try ExternalTool.run("sox", [room.path, answer.path, hour.path])

    let worker = RecognitionWorker(setup: InstalledRecognition.setup, model: InstalledRecognition.model)
    defer { worker.stop() }
    let (segments, duration, _) = try worker.transcribe(hour, language: "fr")
    let words = segments.flatMap(\.words)
    #expect(duration > 3_590)
    // What Whisper base makes of one resampled espeak-ng sentence is not the point here: that its
    // words come out, at the end of the hour, is.
    #expect(words.count >= 5, "\(words.map(\.word))")
    #expect(words.allSatisfy { $0.start >= 3_589 && $0.end <= duration + 0.01 }, "\(words.map(\.start))")

    let log = try String(contentsOf: try #require(worker.errorLog), encoding: .utf8)
    let peaks = log.split(separator: "\n").filter { $0.hasPrefix("asr-worker: window ") }.compactMap { line in
      line.components(separatedBy: "peak ").last?.split(separator: " ").first.flatMap { Double($0) }
    }
    try #require(peaks.count >= 6, "an hour in 10-minute windows: \(log)")
    #expect(peaks.dropFirst(2).allSatisfy { $0 <= peaks[1] + 32 }, "memory grows with the hour: \(peaks) MiB")
  }

  static func normalised(_ word: String) -> String {
    word.lowercased().filter { $0.isLetter }
  }
}
