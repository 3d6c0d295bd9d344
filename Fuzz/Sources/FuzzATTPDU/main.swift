import ScentKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Advertising reports come from any radio nearby: the parser must never trap.
    _ = AdvertisingReport.reports(inEvent: [0x04, 0x3E, UInt8(truncatingIfNeeded: size)] + bytes)
    // The input is a sequence of PDUs, each prefixed by its length, fed to the diffuser's
    // GATT server as a host would send them.
    var server = GATTServer.diffuser()
    var offset = 0
    while offset < bytes.count {
      let length = Int(bytes[offset])
      let packet = Array(bytes[(offset + 1)..<min(bytes.count, offset + 1 + length)])
      offset += 1 + length
      guard let pdu = try? ATTPDU(decoding: packet) else {
        _ = GATTServer.answer(toUndecodable: packet)
        continue
      }
      // What decodes must decode again from its own encoding (lists of mixed UUID sizes
      // cannot be encoded as one Find Information Response, by the specification).
      if case .findInformationResponse = pdu {
      } else if (try? ATTPDU(decoding: pdu.encoded())) != pdu {
        abort()
      }
      // The server never answers with more than the MTU, and never notifies more.
      if let response = server.receive(pdu).response, response.encoded().count > server.mtu { abort() }
      if server.notifications(carrying: packet).contains(where: { $0.encoded().count > server.mtu }) { abort() }
    }
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
