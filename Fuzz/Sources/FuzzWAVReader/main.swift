import SpeechKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  /// Reads the bytes as a WAV file to the end; a bad file must throw, never trap.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
      let reader = try WAVReader(bytes: bytes, name: "fuzz.wav")
      while try !reader.readMono(maxFrames: 4096).isEmpty {}
    } catch {
      _ = error.message
    }
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
