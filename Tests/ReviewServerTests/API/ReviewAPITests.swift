import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Review
import Store
import Testing

@testable import ReviewServer

/// Every endpoint, as the page calls it.
struct ReviewAPITests {
  @Test func pagesTheQueueBlind() async throws {
    try await ServedStudy(participants: 2, trials: 4).test { client in
      try await client.execute(
        uri: "/api/queue?page=2&size=3&coder=ORT1", method: .get, headers: ServedStudy.pageHeaders
      ) {
        response in
        #expect(response.status == .ok)
        let page = try ServedStudy.object(response)
        #expect(page["page"] as? Int == 2)
        #expect(page["pageCount"] as? Int == 3)
        #expect(page["matching"] as? Int == 8)
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.map { $0["position"] as? Int } == [4, 5, 6])
        #expect((page["stateCounts"] as? [String: Int])?["to_transcribe"] == 8)
        let body = String(buffer: response.body)
        for revealing in ["S01", "T1", "P01", "image", "cafe", "memoryPairs", "audio/"] {
          #expect(!body.contains(revealing), "the queue reveals \(revealing)")
        }
      }
    }
  }

  /// A page number past any queue, typed in the address, is bounded as one below 1 is: an empty
  /// page, and the server (inside the home screen) keeps answering.
  @Test func boundsAPageNumberPastAnyQueue() async throws {
    try await ServedStudy().test { client in
      try await client.execute(
        uri: "/api/queue?page=9223372036854775807&size=200", method: .get, headers: ServedStudy.pageHeaders
      ) { response in
        #expect(response.status == .ok)
        let page = try ServedStudy.object(response)
        #expect(page["page"] as? Int == QueueRequest.largestPage)
        #expect(page["matching"] as? Int == 4)
        #expect((page["items"] as? [[String: Any]])?.isEmpty == true)
      }
      #expect(try await ServedStudy.queueIDs(client).count == 4)
    }
  }

  @Test func servesAnAnswerWithWaveformTranscriptAndCounts() async throws {
    try await ServedStudy().test { client in
      let ids = try await ServedStudy.queueIDs(client)
      var found = false
      for id in ids {
        try await client.execute(uri: "/api/answers/\(id)?coder=ORT1", method: .get, headers: ServedStudy.pageHeaders) {
          response in
          #expect(response.status == .ok)
          let answer = try ServedStudy.object(response)
          #expect(answer["id"] as? String == id)
          let audio = try #require(answer["audio"] as? [String: Any])
          #expect(audio["durationSeconds"] as? Double == 3)
          #expect(audio["url"] as? String == "/api/answers/\(id)/audio")
          let waveform = try #require(answer["waveform"] as? [String: Any])
          #expect(Data(base64Encoded: waveform["peaks"] as? String ?? "")?.count == waveform["count"] as? Int)
          #expect((answer["speech"] as? [[Double]]) == [[0.75, 2.25]])
          let body = String(buffer: response.body)
          for revealing in ["S01", "T1-", "image", "cafe", "audio/S01", "turn1"] {
            #expect(!body.contains(revealing), "the answer reveals \(revealing)")
          }
          let transcript = try #require(answer["transcript"] as? [String: Any])
          #expect(transcript["editable"] as? Bool == true)
          if transcript["text"] as? String == "Ça me rappelle le verger de mon grand-père, en 1962.\n" {
            found = true
            let counts = (answer["analysis"] as? [String: Any])?["counts"] as? [String: Any]
            #expect(counts?["words"] as? Int == 10)  // typed text: "1962" is one word
          }
        }
      }
      #expect(found, "the typed transcript beside a recording opens in the editor")
    }
  }

  @Test func asksForTheCoderCode() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      try await client.execute(uri: "/api/answers/\(id)", method: .get, headers: ServedStudy.pageHeaders) {
        #expect($0.status == .unprocessableContent)
      }
      try await client.execute(uri: "/api/answers/\(id)?coder=Marie", method: .get, headers: ServedStudy.pageHeaders) {
        #expect($0.status == .unprocessableContent)
      }
    }
  }

  @Test func servesTheRecordingByRange() async throws {
    let served = try ServedStudy()
    let bytes = try Data(contentsOf: served.study.recording(of: served.study.answers[0]))
    try await served.test { client in
      let ids = try await ServedStudy.queueIDs(client)
      // Whichever id is the first answer's, every recording of the fixture has the same bytes.
      let id = ids[0]
      try await client.execute(uri: "/api/answers/\(id)/audio", method: .get, headers: ServedStudy.cookieOnly) {
        response in
        #expect(response.status == .ok)
        #expect(response.headers[.acceptRanges] == "bytes")
        #expect(response.headers[.contentType] == "audio/wav")
        #expect(Data(buffer: response.body) == bytes)
      }
      var ranged = ServedStudy.cookieOnly
      ranged[.range] = "bytes=44-143"
      try await client.execute(uri: "/api/answers/\(id)/audio", method: .get, headers: ranged) { response in
        #expect(response.status == .partialContent)
        #expect(response.headers[.contentRange] == "bytes 44-143/\(bytes.count)")
        #expect(Data(buffer: response.body) == bytes[44...143])
      }
      ranged[.range] = "bytes=\(bytes.count)-"
      try await client.execute(uri: "/api/answers/\(id)/audio", method: .get, headers: ranged) { response in
        #expect(response.status == .rangeNotSatisfiable)
        #expect(response.headers[.contentRange] == "bytes */\(bytes.count)")
      }
    }
  }

  @Test func analysesTheEditorsTextLive() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      try await client.execute(
        uri: "/api/answers/\(id)/analysis", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["text": "euh le le café.\nle [thé", "mode": "text"])
      ) { response in
        #expect(response.status == .ok)
        let analysis = try ServedStudy.object(response)
        let problems = try #require(analysis["problems"] as? [[String: Any]])
        #expect(problems.map { $0["line"] as? Int } == [2])
        #expect(problems.map { $0["column"] as? Int } == [4])
        let counts = try #require(analysis["counts"] as? [String: Any])
        // Typed text is counted literally (rule set 1b): "le le café" is three words, no repetition.
        #expect(counts["words"] as? Int == 3)
        #expect(counts["fillers"] as? Int == 1)
        #expect(counts["repetitions"] as? Int == 0)
      }
      try await client.execute(
        uri: "/api/answers/\(id)/analysis", method: .post, headers: ServedStudy.pageHeaders,
        body: ByteBuffer(string: "{not json")
      ) { #expect($0.status == .badRequest) }
    }
  }

  @Test func savesATranscriptBesideTheRecording() async throws {
    let served = try ServedStudy()
    let study = served.study
    try await served.test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      let revision = try await ServedStudy.revision(of: id, client)
      let text = "Le jour de mon mariage, on a dansé toute la nuit."
      try await client.execute(
        uri: "/api/answers/\(id)/transcript", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": revision, "text": text, "mode": "text"])
      ) { response in
        #expect(response.status == .ok)
        let answer = try ServedStudy.object(response)
        #expect(answer["revision"] as? Int == revision + 1)
        #expect(answer["state"] as? String == "transcribed")
        #expect((answer["own"] as? [String: Any])?["savedTranscript"] as? Bool == true)
      }
      let saved = study.answers.map { study.transcript(of: $0, extension: "txt") }
        .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
      #expect(saved.contains(text))
    }
  }

  @Test func aCentralReviewServesTheTranscriptReadOnlyAndRefusesItsSave() async throws {
    let served = try ServedStudy(editsTranscripts: false)
    let study = served.study
    let before = study.answers.map { try? Data(contentsOf: study.transcript(of: $0, extension: "txt")) }
    try await served.test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      try await client.execute(uri: "/api/answers/\(id)?coder=ORT2", method: .get, headers: ServedStudy.pageHeaders) {
        response in
        let transcript = try ServedStudy.object(response)["transcript"] as? [String: Any]
        #expect(transcript?["editable"] as? Bool == false)
      }
      let revision = try await ServedStudy.revision(of: id, client)
      try await client.execute(
        uri: "/api/answers/\(id)/transcript", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT2", "revision": revision, "text": "le café.", "mode": "text"])
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("Relecture centrale"))
      }
      #expect(study.answers.map { try? Data(contentsOf: study.transcript(of: $0, extension: "txt")) } == before)
    }
  }

  @Test func savesTimingAndMemoriesAndRefusesAStaleSave() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      let loaded = try await ServedStudy.revision(of: id, client)
      try await client.execute(
        uri: "/api/answers/\(id)/timing", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": loaded, "firstWordOnset": 0.76, "lastWordOffset": 2.24])
      ) { response in
        #expect(response.status == .ok)
        let timing = (try ServedStudy.object(response)["own"] as? [String: Any])?["timing"] as? [String: Any]
        #expect(timing?["firstWordOnset"] as? Double == 0.76)
      }
      try await client.execute(
        uri: "/api/answers/\(id)/timing", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": loaded + 1, "firstWordOnset": 0.76, "lastWordOffset": 99])
      ) { #expect($0.status == .unprocessableContent) }
      try await client.execute(
        uri: "/api/answers/\(id)/memories", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT2", "revision": loaded + 1, "memories": 2, "specific": 1])
      ) { #expect($0.status == .ok) }
      // ORT1 still holds the revision after their timing: refused, with the current version.
      try await client.execute(
        uri: "/api/answers/\(id)/memories", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": loaded + 1, "memories": 3, "specific": 0])
      ) { response in
        #expect(response.status == .conflict)
        let failure = try ServedStudy.object(response)
        #expect((failure["error"] as? [String: String])?["fr"]?.isEmpty == false)
        let current = try #require(failure["current"] as? [String: Any])
        #expect(current["revision"] as? Int == loaded + 2)
        // ORT1 has not coded memories: ORT2's count stays hidden from them, even in a conflict.
        let others = current["others"] as? [[String: Any]] ?? []
        #expect(others.allSatisfy { ($0["values"] as? [String: Any])?["memories"] == nil })
      }
    }
  }

  /// The page's fields offer 0 to 99: a larger count is refused with the range before anything is
  /// written; so is a count that is not a whole number (an empty field arrives as null, a decimal
  /// as itself), with a word about the count rather than "unreadable request".
  @Test(
    arguments: [
      (["memories": 100, "specific": 0], "de 0 à 99"),
      (["memories": 999_999, "specific": 0], "de 0 à 99"),
      (["memories": NSNull(), "specific": 0], "nombre entier"),
      (["memories": 2.5, "specific": 0], "nombre entier"),
      (["memories": 2, "specific": 1.5], "nombre entier"),
      (["memories": 1e300], "nombre entier"),
    ] as [([String: any Sendable], String)])
  func refusesAMemoryCountThePageDoesNotOffer(_ count: [String: any Sendable], _ says: String) async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      let revision = try await ServedStudy.revision(of: id, client)
      try await client.execute(
        uri: "/api/answers/\(id)/memories", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(count.merging(["coder": "ORT1", "revision": revision]) { $1 })
      ) { response in
        #expect(response.status == .unprocessableContent)
        let message = try ServedStudy.object(response)["error"] as? [String: String]
        #expect(message?["fr"]?.contains(says) == true, "\(message ?? [:])")
        #expect(message?["en"]?.isEmpty == false)
      }
      #expect(try await ServedStudy.revision(of: id, client) == revision, "nothing was written")
    }
  }

  /// The range refused above is the page's own: its fields and the store's bound stay in step.
  @Test func theMemoryFieldsOfferTheRangeTheStoreAccepts() throws {
    let html = try String(contentsOf: PageAssets.bundled.appendingPathComponent("answer.html"), encoding: .utf8)
    for field in ["memories-count", "memories-specific"] {
      #expect(html.contains(#"id="\#(field)" type="number" min="0" max="\#(MemoryCount.largest)""#), "\(field)")
    }
  }

  @Test func reportsAgreementAndTakesAConsensus() async throws {
    try await ServedStudy().test { client in
      let id = try await ServedStudy.queueIDs(client)[0]
      var revision = try await ServedStudy.revision(of: id, client)
      for (coder, memories) in [("ORT1", 1), ("ORT2", 3)] {
        try await client.execute(
          uri: "/api/answers/\(id)/memories", method: .post, headers: ServedStudy.pageHeaders,
          body: ServedStudy.json(["coder": coder, "revision": revision, "memories": memories, "specific": 0])
        ) { #expect($0.status == .ok) }
        revision += 1
      }
      try await client.execute(uri: "/api/agreement", method: .get, headers: ServedStudy.pageHeaders) { response in
        #expect(response.status == .ok)
        let report = try ServedStudy.object(response)
        let measures = try #require(report["measures"] as? [[String: Any]])
        let memories = try #require(measures.first { $0["measure"] as? String == "memories" })
        #expect(memories["pairs"] as? Int == 1)
        #expect(memories["statistic"] as? String == "weighted_kappa_quadratic")
        let disagreements = try #require(report["disagreements"] as? [[String: Any]])
        let disagreement = try #require(disagreements.first { $0["measure"] as? String == "memories" })
        #expect(disagreement["id"] as? String == id)
        #expect(disagreement["revision"] as? Int == revision)
        #expect((disagreement["values"] as? [[String: Any]])?.compactMap { $0["value"] as? Double } == [1, 3])
      }
      // A consensus is a count as the coders' are: the page's range, refused beyond it, nothing written.
      try await client.execute(
        uri: "/api/answers/\(id)/consensus", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": revision, "measure": "memories", "value": 100])
      ) { response in
        #expect(response.status == .unprocessableContent)
        let message = try ServedStudy.object(response)["error"] as? [String: String]
        #expect(message?["fr"]?.contains("de 0 à 99") == true, "\(message ?? [:])")
      }
      #expect(try await ServedStudy.revision(of: id, client) == revision, "nothing was written")
      try await client.execute(
        uri: "/api/answers/\(id)/consensus", method: .post, headers: ServedStudy.pageHeaders,
        body: ServedStudy.json(["coder": "ORT1", "revision": revision, "measure": "memories", "value": 2])
      ) { response in
        #expect(response.status == .ok)
        let state = try ServedStudy.object(response)["state"] as? String
        #expect(state == "agreed")
      }
    }
  }
}
