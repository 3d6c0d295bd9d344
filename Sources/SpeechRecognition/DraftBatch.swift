import Foundation
import SpeechKit

/// Drafts every recording that has no transcript yet, one after another through one worker.
///
/// Resumable by construction: a recording with any transcript beside it (a person's or a whole
/// draft) is skipped, and drafts are written atomically (``DraftFile``). A file that fails is
/// reported and the batch goes on; only a model that cannot be loaded stops it.
public struct DraftBatch {
  public var worker: RecognitionWorker
  public var language: String
  /// Whether the therapist's prompt is looked for at the start of each draft.
  public var matchesPrompt: Bool

  public init(worker: RecognitionWorker, language: String = "fr", matchesPrompt: Bool = true) {
    self.worker = worker
    self.language = language
    self.matchesPrompt = matchesPrompt
  }

  /// Whether `recording` still needs a draft.
  public static func needsDraft(_ recording: URL) -> Bool {
    TranscriptBesideRecording.file(of: recording) == nil
  }

  /// - Parameter progress: called with the share of the batch done (0…1), within files too.
  /// - Throws: what ``RecognitionWorker/start()`` throws, before or between files; per-file
  ///   failures are outcomes, not errors.
  public func run(_ jobs: [DraftJob], progress: (Double) -> Void = { _ in }) throws(RecognitionError)
    -> [DraftOutcome]
  {
    var outcomes: [DraftOutcome] = []
    for (index, job) in jobs.enumerated() {
      defer { progress(Double(index + 1) / Double(max(jobs.count, 1))) }
      DraftFile.removeLeftover(of: job.recording)
      if let existing = TranscriptBesideRecording.file(of: job.recording) {
        outcomes.append(DraftOutcome(job: job, status: .alreadyTranscribed(existing), seconds: 0))
        continue
      }
      let started = ContinuousClock.now
      let status: DraftOutcome.Status
      do throws(RecognitionError) {
        status = .drafted(try draft(job) { done in progress((Double(index) + done) / Double(jobs.count)) })
      } catch {
        if case .fileFailed = error { status = .failed(error) } else { throw error }
      }
      let elapsed = started.duration(to: .now)
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      outcomes.append(DraftOutcome(job: job, status: status, seconds: seconds))
    }
    return outcomes
  }

  private func draft(_ job: DraftJob, progress: (Double) -> Void) throws(RecognitionError) -> DraftTranscript {
    guard FileManager.default.fileExists(atPath: job.recording.path) else {
      throw .fileFailed(file: job.recording.path, detail: "file not found")
    }
    let recognized = try worker.transcribe(job.recording, language: language) { seconds, duration in
      progress(duration > 0 ? min(seconds / duration, 1) : 0)
    }
    let prompt = matchesPrompt ? job.prompt.map(PromptMatcher.init(prompt:)) : nil
    let draft = DraftTranscript(
      segments: recognized.segments, model: worker.model.name, language: language, duration: recognized.duration,
      prompt: prompt)
    do {
      try DraftFile.write(try draft.encoded(), forRecording: job.recording)
    } catch {
      throw .fileFailed(file: job.recording.path, detail: "\(error.localizedDescription)")
    }
    return draft
  }
}
