import ScentKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The strict decoder and the message parsers must throw on bad input, never trap.
    if let frame = try? Frame.decode(bytes) {
      _ = try? HostCommand(frame: frame)
      _ = try? DeviceMessage(frame: frame)
    }
    // The streaming decoder sees the bytes in two chunks, as a socket would deliver them.
    var decoder = FrameDecoder()
    let split = size / 2
    decoder.append(bytes[..<split])
    while let frame = decoder.nextFrame() { _ = try? DeviceMessage(frame: frame) }
    decoder.append(bytes[split...])
    while let frame = decoder.nextFrame() {
      if let command = try? HostCommand(frame: frame) {
        // What decodes must encode back to the same frame.
        if command.frame(sequence: frame.sequence) != frame { abort() }
      }
    }
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
