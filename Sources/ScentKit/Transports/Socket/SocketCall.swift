import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `bind` and `connect` for any socket address type (RFCOMM, L2CAP, …), which C wants as a
/// `sockaddr` pointer and a length.
enum SocketCall {
  static func bind<Address>(_ fd: Int32, to address: inout Address) -> Int32 {
    withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Foundation.bind(fd, $0, socklen_t(MemoryLayout<Address>.size))
      }
    }
  }

  static func connect<Address>(_ fd: Int32, to address: inout Address) -> Int32 {
    withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Foundation.connect(fd, $0, socklen_t(MemoryLayout<Address>.size))
      }
    }
  }

  /// Throws the errno of a failed call as the error a therapist can act on.
  static func check(_ result: Int32, call: String) throws(DiffuserError) {
    guard result == 0 else { throw .from(errno: errno, call: call) }
  }
}
