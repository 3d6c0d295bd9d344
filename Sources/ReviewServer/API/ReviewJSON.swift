import Foundation
import HTTPTypes
import Hummingbird
import SessionModel

/// JSON in and out: the shapes the page reads (docs/review.md lists them), built from the core's
/// values here so that the core never knows about HTTP or JSON.
enum ReviewJSON {
  struct Text: Encodable {
    var fr: String
    var en: String

    init(_ text: LocalizedText) {
      fr = text.french
      en = text.english
    }
  }

  struct Failure: Encodable {
    var error: Text
    var current: AnswerJSON?

    init(message: LocalizedText, current: AnswerJSON? = nil) {
      error = Text(message)
      self.current = current
    }
  }

  static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"fr":"erreur interne","en":"internal error"}}"#.utf8)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The request's JSON body, at most 1 MiB (a transcript is a few kilobytes).
  static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws(BadRequest) -> Value {
    var request = request
    do {
      let buffer = try await request.collectBody(upTo: 1 << 20)
      return try JSONDecoder().decode(type, from: Data(buffer: buffer))
    } catch {
      throw BadRequest()
    }
  }

  struct BadRequest: Error {
    static let message = LocalizedText(
      fr: "Requête illisible : rechargez la page et recommencez.",
      en: "Unreadable request: reload the page and try again.")
  }
}
