import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Builds Unix and TCP sockets for the simulator and for tests.
enum SocketAddress {
  /// SOCK_STREAM: Glibc's enum is not visible to this file in every build configuration.
  static let streamSocketType: Int32 = 1
  /// SOCK_SEQPACKET: keeps message boundaries, like an L2CAP socket (GATT over a Unix socket).
  static let packetSocketType: Int32 = 5
  /// SOCK_CLOEXEC (Linux): the socket is not inherited by programs the process starts.
  static let closeOnExec: Int32 = 0o2_000_000

  static func connectUnix(path: String, type: Int32 = streamSocketType) throws(DiffuserError) -> Int32 {
    var address = try unixAddress(path)  // before socket(): a bad path must not leak a descriptor
    let fd = socket(AF_UNIX, type, 0)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket") }
    guard SocketCall.connect(fd, to: &address) == 0 else {
      let code = errno
      Foundation.close(fd)
      throw .from(errno: code, call: "connect")
    }
    return fd
  }

  static func listenUnix(path: String, type: Int32 = streamSocketType) throws(DiffuserError) -> Int32 {
    var address = try unixAddress(path)  // before socket(): a bad path must not leak a descriptor
    let fd = socket(AF_UNIX, type, 0)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket") }
    unlink(path)
    return try finishListening(fd, bindResult: SocketCall.bind(fd, to: &address))
  }

  static func connectTCP(host: String, port: UInt16) throws(DiffuserError) -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = streamSocketType
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
      throw .invalidAddress("tcp:\(host):\(port)")
    }
    defer { freeaddrinfo(list) }
    var lastError = ECONNREFUSED
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let info = entry {
      let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
      if fd >= 0 {
        if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
          var one: Int32 = 1
          setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
          return fd
        }
        lastError = errno
        Foundation.close(fd)
      }
      entry = info.pointee.ai_next
    }
    throw .from(errno: lastError, call: "connect")
  }

  /// Listens on the loopback interface only: the simulator is a test device, not a service.
  static func listenTCP(port: UInt16) throws(DiffuserError) -> Int32 {
    let fd = socket(AF_INET, streamSocketType, 0)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket") }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return try finishListening(fd, bindResult: SocketCall.bind(fd, to: &address))
  }

  /// The port a listening TCP socket got (useful with port 0).
  static func boundPort(_ fd: Int32) -> UInt16 {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  static func finishListening(_ fd: Int32, bindResult: Int32) throws(DiffuserError) -> Int32 {
    guard bindResult == 0, listen(fd, 4) == 0 else {
      let code = errno
      Foundation.close(fd)
      throw .from(errno: code, call: "bind/listen")
    }
    return fd
  }

  private static func unixAddress(_ path: String) throws(DiffuserError) -> sockaddr_un {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .invalidAddress("unix:\(path)") }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: bytes)
      raw[bytes.count] = 0
    }
    return address
  }
}
