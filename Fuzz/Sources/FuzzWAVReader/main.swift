import SpeechKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Filled in by the module that owns the reader.
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
