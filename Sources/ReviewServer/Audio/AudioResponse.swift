import Foundation
import HTTPTypes
import Hummingbird

/// A recording served whole or by byte range (206 with `Content-Range`), so the page seeks at once.
enum AudioResponse {
  static func response(for file: URL, request: Request, context: some RequestContext) async throws -> Response {
    let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
    guard let size else { throw HTTPError(.notFound) }
    var headers: HTTPFields = [.contentType: "audio/wav", .acceptRanges: "bytes"]
    guard let header = request.headers[.range] else {
      headers[.contentLength] = String(size)
      let body = size > 0 ? try await FileIO().loadFile(path: file.path, context: context) : ResponseBody()
      return Response(status: .ok, headers: headers, body: body)
    }
    guard let range = ByteRange.parse(header, fileSize: size) else {
      headers[.contentRange] = "bytes */\(size)"
      return Response(status: .rangeNotSatisfiable, headers: headers)
    }
    headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
    headers[.contentLength] = String(range.count)
    let body = try await FileIO().loadFile(path: file.path, range: range, context: context)
    return Response(status: .partialContent, headers: headers, body: body)
  }
}
