import ScentKit
import Testing

/// The diffuser's GATT database answering requests at the default MTU of 23.
struct GATTServerTests {
  static let command = DiffuserGATTProfile.command
  static let name = Array("ConnectAge diffuser".utf8)

  static func error(_ request: UInt8, _ handle: UInt16, _ code: ATTErrorCode) -> ATTPDU {
    .errorResponse(request: request, handle: handle, code: code)
  }

  @Test(arguments: [
    (
      "services, first page: GAP only (the 128-bit one has another length)",
      ATTPDU.readByGroupTypeRequest(start: 1, end: 0xFFFF, type: BluetoothUUID(0x2800)),
      ATTPDU.readByGroupTypeResponse([.init(handle: 1, groupEnd: 3, value: [0x00, 0x18])]) as ATTPDU?
    ),
    (
      "services, second page: the diffuser service",
      .readByGroupTypeRequest(start: 4, end: 0xFFFF, type: BluetoothUUID(0x2800)),
      .readByGroupTypeResponse([.init(handle: 4, groupEnd: 0xFFFF, value: DiffuserGATTProfile.service.attBytes)])
    ),
    (
      "services, past the end", .readByGroupTypeRequest(start: 10, end: 0xFFFF, type: BluetoothUUID(0x2800)),
      error(0x10, 10, .attributeNotFound)
    ),
    (
      "group of characteristics", .readByGroupTypeRequest(start: 1, end: 0xFFFF, type: BluetoothUUID(0x2803)),
      error(0x10, 1, .unsupportedGroupType)
    ),
    (
      "handle 0", .readByGroupTypeRequest(start: 0, end: 5, type: BluetoothUUID(0x2800)),
      error(0x10, 0, .invalidHandle)
    ),
    (
      "characteristics: one 21-byte entry fits in 23",
      .readByTypeRequest(start: 4, end: 0xFFFF, type: BluetoothUUID(0x2803)),
      .readByTypeResponse([.init(handle: 5, value: [0x0C, 0x06, 0x00] + command.attBytes)])
    ),
    (
      "device name by type", .readByTypeRequest(start: 1, end: 0xFFFF, type: BluetoothUUID(0x2A00)),
      .readByTypeResponse([.init(handle: 3, value: name)])
    ),
    (
      "command value is write-only", .readByTypeRequest(start: 1, end: 0xFFFF, type: command),
      error(0x08, 6, .readNotPermitted)
    ),
    (
      "descriptor", .findInformationRequest(start: 9, end: 9),
      .findInformationResponse([.init(handle: 9, type: BluetoothUUID(0x2902))])
    ),
    (
      "information stops where the UUID size changes", .findInformationRequest(start: 5, end: 9),
      .findInformationResponse([.init(handle: 5, type: BluetoothUUID(0x2803))])
    ),
    (
      "service by UUID",
      .findByTypeValueRequest(start: 1, end: 0xFFFF, type: 0x2800, value: DiffuserGATTProfile.service.attBytes),
      .findByTypeValueResponse([.init(handle: 4, groupEnd: 0xFFFF)])
    ),
    ("read name", .readRequest(handle: 3), .readResponse(value: name)),
    ("read command", .readRequest(handle: 6), error(0x0A, 6, .readNotPermitted)),
    ("read nothing", .readRequest(handle: 99), error(0x0A, 99, .invalidHandle)),
    ("write command value", .writeRequest(handle: 6, value: [1, 2]), .writeResponse),
    ("short CCCD write", .writeRequest(handle: 9, value: [1]), error(0x12, 9, .invalidAttributeValueLength)),
    ("write the name", .writeRequest(handle: 3, value: [1]), error(0x12, 3, .writeNotPermitted)),
    ("write command", .writeCommand(handle: 6, value: [0xA5]), nil),
    ("write command elsewhere", .writeCommand(handle: 3, value: [1]), nil),
    ("read blob", .unsupported(opcode: 0x0C), error(0x0C, 0, .requestNotSupported)),
    ("signed write (a command)", .unsupported(opcode: 0xD2), nil),
    ("stray confirmation", .handleValueConfirmation, nil),
  ])
  func answersEachRequest(_ name: String, request: ATTPDU, response: ATTPDU?) {
    var server = GATTServer.diffuser()
    #expect(server.receive(request).response == response, "\(name)")
  }

  @Test(arguments: [
    ("write request", ATTPDU.writeRequest(handle: 6, value: [1, 2, 3]), [1, 2, 3] as [UInt8]),
    ("write command", .writeCommand(handle: 6, value: [4, 5]), [4, 5]),
    ("write command to the name", .writeCommand(handle: 3, value: [6]), []),
  ])
  func onlyCommandWritesReachTheDevice(_ name: String, request: ATTPDU, written: [UInt8]) {
    var server = GATTServer.diffuser()
    #expect(server.receive(request).written == written, "\(name)")
  }

  @Test(arguments: [(517, 247), (100, 100), (10, 23)] as [(UInt16, Int)])
  func negotiatesTheSmallerMTU(client: UInt16, agreed: Int) {
    var server = GATTServer.diffuser()
    #expect(server.receive(.exchangeMTURequest(clientMTU: client)).response == .exchangeMTUResponse(serverMTU: 247))
    #expect(server.mtu == agreed)
  }

  @Test func notifiesOnlyASubscribedHostInPiecesOfMTUMinusThree() {
    var server = GATTServer.diffuser()
    let bytes = (0..<50).map { UInt8($0) }
    #expect(server.notifications(carrying: bytes).isEmpty)
    #expect(server.receive(.readRequest(handle: 9)).response == .readResponse(value: [0, 0]))
    #expect(server.receive(.writeRequest(handle: 9, value: [1, 0])).response == .writeResponse)
    #expect(server.receive(.readRequest(handle: 9)).response == .readResponse(value: [1, 0]))
    #expect(
      server.notifications(carrying: bytes) == [
        .handleValueNotification(handle: 8, value: Array(bytes[0..<20])),
        .handleValueNotification(handle: 8, value: Array(bytes[20..<40])),
        .handleValueNotification(handle: 8, value: Array(bytes[40..<50])),
      ])
    _ = server.receive(.exchangeMTURequest(clientMTU: 247))
    #expect(server.notifications(carrying: bytes) == [.handleValueNotification(handle: 8, value: bytes)])
    _ = server.receive(.writeRequest(handle: 9, value: [0, 0]))
    #expect(server.notifications(carrying: bytes).isEmpty)
  }

  @Test(arguments: [
    ("truncated request", [0x0A, 0x03] as [UInt8], error(0x0A, 0, .invalidPDU) as ATTPDU?),
    ("truncated command", [0x52], nil),
    ("odd opcode (a response)", [0x0B], nil),
    ("confirmation with an extra byte", [0x1E, 0x00], nil),
    ("nothing", [], nil),
  ])
  func undecodableBytesGetAnErrorOnlyWhenTheyWereARequest(_ name: String, bytes: [UInt8], answer: ATTPDU?) {
    #expect(GATTServer.answer(toUndecodable: bytes) == answer, "\(name)")
  }
}
