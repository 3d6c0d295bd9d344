import ScentKit
import Testing

struct ATTPDUTests {
  static let service = DiffuserGATTProfile.service

  @Test(
    arguments: [
      (
        "error", ATTPDU.errorResponse(request: 0x10, handle: 5, code: .attributeNotFound),
        [0x01, 0x10, 0x05, 0x00, 0x0A]
      ),
      ("mtu request", .exchangeMTURequest(clientMTU: 247), [0x02, 0xF7, 0x00]),
      ("mtu response", .exchangeMTUResponse(serverMTU: 23), [0x03, 0x17, 0x00]),
      ("find information", .findInformationRequest(start: 9, end: 0xFFFF), [0x04, 0x09, 0x00, 0xFF, 0xFF]),
      (
        "find information response",
        .findInformationResponse([.init(handle: 9, type: BluetoothUUID(0x2902))]), [0x05, 0x01, 0x09, 0x00, 0x02, 0x29]
      ),
      (
        "find by type value", .findByTypeValueRequest(start: 1, end: 0xFFFF, type: 0x2800, value: [0x00, 0x18]),
        [0x06, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28, 0x00, 0x18]
      ),
      ("find by type value response", .findByTypeValueResponse([.init(handle: 1, groupEnd: 3)]), [0x07, 1, 0, 3, 0]),
      (
        "read by type", .readByTypeRequest(start: 4, end: 9, type: BluetoothUUID(0x2803)),
        [0x08, 0x04, 0x00, 0x09, 0x00, 0x03, 0x28]
      ),
      (
        "read by type response", .readByTypeResponse([.init(handle: 2, value: [0x02, 0x03, 0x00, 0x00, 0x2A])]),
        [0x09, 0x07, 0x02, 0x00, 0x02, 0x03, 0x00, 0x00, 0x2A]
      ),
      ("read", .readRequest(handle: 3), [0x0A, 0x03, 0x00]),
      ("read response", .readResponse(value: [0x41, 0x42]), [0x0B, 0x41, 0x42]),
      (
        "read by group type", .readByGroupTypeRequest(start: 1, end: 0xFFFF, type: BluetoothUUID(0x2800)),
        [0x10, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28]
      ),
      (
        "read by group type response", .readByGroupTypeResponse([.init(handle: 1, groupEnd: 3, value: [0x00, 0x18])]),
        [0x11, 0x06, 0x01, 0x00, 0x03, 0x00, 0x00, 0x18]
      ),
      ("write", .writeRequest(handle: 9, value: [1, 0]), [0x12, 0x09, 0x00, 0x01, 0x00]),
      ("write response", .writeResponse, [0x13]),
      ("write command", .writeCommand(handle: 6, value: [0xA5, 0x5A]), [0x52, 0x06, 0x00, 0xA5, 0x5A]),
      ("notification", .handleValueNotification(handle: 8, value: [0xA5]), [0x1B, 0x08, 0x00, 0xA5]),
      ("indication", .handleValueIndication(handle: 8, value: []), [0x1D, 0x08, 0x00]),
      ("confirmation", .handleValueConfirmation, [0x1E]),
      ("unsupported", .unsupported(opcode: 0x0C), [0x0C]),
    ] as [(String, ATTPDU, [UInt8])])
  func encodesAndDecodesTheSpecificationBytes(_ name: String, pdu: ATTPDU, bytes: [UInt8]) throws {
    #expect(pdu.encoded() == bytes, "\(name)")
    #expect(try ATTPDU(decoding: bytes) == pdu, "\(name)")
  }

  @Test func a128BitServiceRoundTrips() throws {
    let pdu = ATTPDU.readByGroupTypeResponse([.init(handle: 4, groupEnd: 9, value: Self.service.attBytes)])
    #expect(pdu.encoded().count == 2 + 20)
    #expect(try ATTPDU(decoding: pdu.encoded()) == pdu)
  }

  @Test(arguments: [
    ("empty", [] as [UInt8], ATTPDUError.empty),
    ("short error", [0x01, 0x10, 0x05], .truncated(opcode: 0x01)),
    ("mtu with extra byte", [0x02, 0x17, 0x00, 0x00], .malformed(opcode: 0x02, reason: "1 extra bytes")),
    (
      "read by type, 3-byte type", [0x08, 1, 0, 9, 0, 3, 0x28, 0],
      .malformed(opcode: 0x08, reason: "attribute type of 3 bytes")
    ),
    ("find information, format 3", [0x05, 0x03, 1, 0, 0, 0x28], .malformed(opcode: 0x05, reason: "format 3")),
    (
      "read by type response, partial entry", [0x09, 0x04, 1, 0, 0xAA, 0xBB, 2, 0],
      .malformed(opcode: 0x09, reason: "6 bytes of 4-byte entries")
    ),
    (
      "read by group type response, tiny entries", [0x11, 0x02, 1, 0],
      .malformed(opcode: 0x11, reason: "entry length 2")
    ),
    ("notification without handle", [0x1B, 0x08], .truncated(opcode: 0x1B)),
    ("empty find information response", [0x05, 0x01], .malformed(opcode: 0x05, reason: "0 bytes of 4-byte entries")),
  ])
  func malformedPDUsThrow(_ name: String, bytes: [UInt8], error: ATTPDUError) {
    #expect(throws: error, "\(name)") { try ATTPDU(decoding: bytes) }
  }

  @Test(arguments: [
    ("exchange MTU request", 0x02 as UInt8, true),
    ("read request", 0x0A, true),
    ("a request outside the subset", 0x20, true),
    ("read response", 0x0B, false),
    ("write command", 0x52, false),
    ("signed write command", 0xD2, false),
    ("notification", 0x1B, false),
    ("indication", 0x1D, false),
    ("confirmation", 0x1E, false),
  ])
  func onlyRequestOpcodesAreRequests(_ name: String, opcode: UInt8, isRequest: Bool) {
    #expect(ATTPDU.Opcode.isRequest(opcode) == isRequest, "\(name)")
  }

  @Test(arguments: [
    ("its response", ATTPDU.exchangeMTUResponse(serverMTU: 23), ATTPDU.exchangeMTURequest(clientMTU: 247), true),
    (
      "an error naming it", .errorResponse(request: 0x04, handle: 1, code: .attributeNotFound),
      .findInformationRequest(start: 1, end: 0xFFFF), true
    ),
    (
      "an error naming another request", .errorResponse(request: 0x08, handle: 1, code: .attributeNotFound),
      .findInformationRequest(start: 1, end: 0xFFFF), false
    ),
    ("the response to another request", .writeResponse, .readRequest(handle: 3), false),
    ("a notification", .handleValueNotification(handle: 8, value: []), .writeRequest(handle: 9, value: [1, 0]), false),
  ])
  func aResponseAnswersOnlyItsRequest(_ name: String, answer: ATTPDU, request: ATTPDU, answers: Bool) {
    #expect(answer.isResponse(to: request) == answers, "\(name)")
  }

  @Test(arguments: [(517, 247), (247, 247), (100, 100), (23, 23), (10, 23)] as [(UInt16, Int)])
  func theAgreedMTUIsTheSmallerOfBothButNeverBelow23(peer: UInt16, agreed: Int) {
    #expect(ATTPDU.mtu(agreedWith: peer) == agreed)
  }

  @Test(arguments: [
    ("nothing", 0, 23, [] as [Int]),
    ("one full piece", 20, 23, [20]),
    ("one byte over", 21, 23, [20, 1]),
    ("a frame at 247", 245, 247, [244, 1]),
  ])
  func valuePiecesLeaveRoomForTheOpcodeAndHandle(_ name: String, count: Int, mtu: Int, sizes: [Int]) {
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0) }
    let pieces = ATTPDU.valuePieces(of: bytes, mtu: mtu)
    #expect(pieces.map(\.count) == sizes, "\(name)")
    #expect(Array(pieces.joined()) == bytes, "\(name)")
  }
}
