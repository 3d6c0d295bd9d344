import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Review
import SessionModel
import Store

/// The JSON endpoints: each reads its parameters, makes one ``Review/ReviewDesk`` call off the
/// server's event loops (the desk reads files and SQLite), and answers with JSON.
struct ReviewAPI: Sendable {
  let desk: ReviewDesk

  struct AnalysisRequest: Decodable {
    var text: String
    var mode: TranscriptMode
  }

  struct TranscriptSave: Decodable {
    var coder: String
    var revision: Int
    var text: String
    var mode: TranscriptMode
  }

  struct TimingSave: Decodable {
    var coder: String
    var revision: Int
    var firstWordOnset: Double?
    var lastWordOffset: Double?
  }

  struct MemoriesSave: Decodable {
    var coder: String
    var revision: Int
    /// Any JSON number or null, as the page sends its fields (an empty one as null), so that a
    /// count that is not whole is refused with a word about the count, not as an unreadable request.
    var memories: Double?
    var specific: Double?

    /// Nil when the memories are missing, or either count is not a whole number.
    var count: MemoryCount? {
      guard let memories = memories.flatMap({ Int(exactly: $0) }) else { return nil }
      guard let specific else { return MemoryCount(memories: memories, specific: nil) }
      return Int(exactly: specific).map { MemoryCount(memories: memories, specific: $0) }
    }
  }

  struct ConsensusSave: Decodable {
    var coder: String
    var revision: Int
    var measure: ReviewedMeasure
    var value: Double?
  }

  func add(to router: Router<BasicRequestContext>) {
    let desk = desk
    router.get("/api/queue") { request, _ in
      let query = request.uri.queryParameters
      let state = query["state"].flatMap { ReviewState(rawValue: String($0)) }
      let queueRequest = QueueRequest(
        page: query["page"].flatMap { Int(String($0)) } ?? 1,
        pageSize: query["size"].flatMap { Int(String($0)) } ?? QueueRequest.defaultPageSize, state: state)
      let coder = query["coder"].flatMap { CoderCode(rawValue: String($0)) }
      return await Self.answer { () throws(ReviewFailure) in QueueJSON(try desk.queue(queueRequest, for: coder)) }
    }
    router.get("/api/agreement") { _, _ in
      await Self.answer { () throws(ReviewFailure) in AgreementJSON(try desk.agreement()) }
    }
    router.get("/api/answers/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      guard let coder = request.uri.queryParameters["coder"].flatMap({ CoderCode(rawValue: String($0)) }) else {
        return Self.failure(.refused(Self.coderNeeded))
      }
      return await Self.answer { () throws(ReviewFailure) in AnswerJSON(try desk.answerPage(id, for: coder)) }
    }
    router.get("/api/answers/:id/audio") { request, context in
      let id = context.parameters.get("id") ?? ""
      let file: URL
      do throws(ReviewFailure) {
        file = try await Self.offloaded { () throws(ReviewFailure) in try desk.recordingFile(id) }
      } catch {
        return Self.failure(error)
      }
      return try await AudioResponse.response(for: file, request: request, context: context)
    }
    router.post("/api/answers/:id/analysis") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await Self.decoding(AnalysisRequest.self, request) { body throws(ReviewFailure) in
        AnalysisJSON(try desk.analyze(body.text, mode: body.mode, of: id))
      }
    }
    router.post("/api/answers/:id/transcript") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await Self.decoding(TranscriptSave.self, request) { body throws(ReviewFailure) in
        AnswerJSON(try desk.saveTranscript(body.text, mode: body.mode, of: id, by: body.coder, basedOn: body.revision))
      }
    }
    router.post("/api/answers/:id/timing") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await Self.decoding(TimingSave.self, request) { body throws(ReviewFailure) in
        let timing = ReviewedTiming(
          firstWordOnsetSeconds: body.firstWordOnset, lastWordOffsetSeconds: body.lastWordOffset)
        return AnswerJSON(try desk.saveTiming(timing, of: id, by: body.coder, basedOn: body.revision))
      }
    }
    router.post("/api/answers/:id/memories") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await Self.decoding(MemoriesSave.self, request) { body throws(ReviewFailure) in
        guard let count = body.count else { throw ReviewFailure.refused(Self.memoryCountNotWhole) }
        return AnswerJSON(try desk.saveMemories(count, of: id, by: body.coder, basedOn: body.revision))
      }
    }
    router.post("/api/answers/:id/consensus") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await Self.decoding(ConsensusSave.self, request) { body throws(ReviewFailure) in
        AnswerJSON(
          try desk.saveConsensus(body.value, for: body.measure, of: id, by: body.coder, basedOn: body.revision))
      }
    }
  }

  static let coderNeeded = LocalizedText(
    fr: "Donnez d'abord votre code de codeur (par exemple ORT1).",
    en: "Give your coder code first (for example ORT1).")

  static let memoryCountNotWhole = LocalizedText(
    fr:
      "Codage refusé : le nombre de souvenirs (et de spécifiques, si vous le donnez) doit être un nombre entier de 0 à \(MemoryCount.largest).",
    en:
      "Coding refused: the number of memories (and of specific ones, if you give it) must be a whole number from 0 to \(MemoryCount.largest)."
  )

  /// Decodes the body, then answers as ``answer(_:)``; an unreadable body is a 400.
  static func decoding<Body: Decodable & Sendable, Value: Encodable & Sendable>(
    _ type: Body.Type, _ request: Request, _ body: @escaping @Sendable (Body) throws(ReviewFailure) -> Value
  ) async -> Response {
    let decoded: Body
    do {
      decoded = try await ReviewJSON.decode(type, from: request)
    } catch {
      return ReviewJSON.response(ReviewJSON.Failure(message: ReviewJSON.BadRequest.message), status: .badRequest)
    }
    return await answer { () throws(ReviewFailure) in try body(decoded) }
  }

  /// Runs `body` off the event loops and answers with its value as JSON, or its failure.
  static func answer<Value: Encodable & Sendable>(_ body: @escaping @Sendable () throws(ReviewFailure) -> Value) async
    -> Response
  {
    do {
      return ReviewJSON.response(try await offloaded(body))
    } catch {
      return failure(error)
    }
  }

  static func offloaded<Value: Sendable>(_ body: @escaping @Sendable () throws(ReviewFailure) -> Value)
    async throws(ReviewFailure) -> Value
  {
    let result: Result<Value, ReviewFailure> = await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(returning: Result { () throws(ReviewFailure) in try body() })
      }
    }
    return try result.get()
  }

  /// 404 for an unknown answer (a path included), 422 for refused values, 409 with the current
  /// version for a conflict, 500 for a failure of the disk or database.
  static func failure(_ failure: ReviewFailure) -> Response {
    switch failure {
    case .unknownAnswer:
      ReviewJSON.response(ReviewJSON.Failure(message: failure.message), status: .notFound)
    case .refused(let message):
      ReviewJSON.response(ReviewJSON.Failure(message: message), status: .unprocessableContent)
    case .conflict(let message, let current):
      ReviewJSON.response(ReviewJSON.Failure(message: message, current: AnswerJSON(current)), status: .conflict)
    case .failed(let message):
      ReviewJSON.response(ReviewJSON.Failure(message: message), status: .internalServerError)
    }
  }
}
