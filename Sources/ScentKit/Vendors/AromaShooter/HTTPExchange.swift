import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP/1.1 request on its own connection (`Connection: close`), the way the Aroma Shooter
/// is driven: small JSON bodies, a few requests a minute. Blocking; runs on its own thread so a
/// device that stopped answering never holds Swift's cooperative pool.
struct HTTPExchange: Sendable {
  var host: String
  var port: UInt16
  var timeout: Duration

  struct Response: Sendable {
    var status: Int
    var body: [UInt8]
  }

  func send(method: String, path: String, json: [UInt8]? = nil) async throws(DiffuserError) -> Response {
    let exchange = self
    let result: Result<Response, DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result { () throws(DiffuserError) in
            try exchange.sendBlocking(method: method, path: path, json: json)
          })
      }.start()
    }
    return try result.get()
  }

  private func sendBlocking(method: String, path: String, json: [UInt8]?) throws(DiffuserError) -> Response {
    let fd = try connect()
    defer { Glibc.close(fd) }
    var limit = timeval(
      tv_sec: Int(timeout.components.seconds),
      tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
    head += "Content-Length: \(json?.count ?? 0)\r\nConnection: close\r\n\r\n"
    let request = Array(head.utf8) + (json ?? [])
    var offset = 0
    while offset < request.count {
      let written = request[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if written < 0 {
        if errno == EINTR { continue }
        throw .from(errno: errno, call: "send")
      }
      offset += written
    }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        received.append(contentsOf: chunk[0..<count])
      } else if count == 0 {
        break
      } else if errno == EINTR {
        continue
      } else if errno == EAGAIN || errno == EWOULDBLOCK {
        throw .timeout(.status)
      } else {
        throw .from(errno: errno, call: "recv")
      }
    }
    return try Self.parse(received)
  }

  /// Connects within `timeout`: a device that left the network must not hold a thread for the
  /// two minutes of the kernel's own SYN retries.
  private func connect() throws(DiffuserError) -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_INET
    hints.ai_socktype = SocketAddress.streamSocketType
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
      throw .invalidAddress("aromashooter:\(host)")
    }
    defer { freeaddrinfo(list) }
    let fd = socket(
      info.pointee.ai_family, info.pointee.ai_socktype | SocketAddress.closeOnExec, info.pointee.ai_protocol)
    guard fd >= 0 else { throw .from(errno: errno, call: "socket") }
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
      guard errno == EINPROGRESS else {
        let code = errno
        Glibc.close(fd)
        throw .from(errno: code, call: "connect")
      }
      var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
      let milliseconds = Int32(
        timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
      var failure: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      let ready = poll(&poller, 1, milliseconds)
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
      guard ready > 0, failure == 0 else {
        Glibc.close(fd)
        throw .deviceUnreachable(errno: ready > 0 ? failure : ETIMEDOUT)
      }
    }
    _ = fcntl(fd, F_SETFL, flags)
    return fd
  }

  static func parse(_ bytes: [UInt8]) throws(DiffuserError) -> Response {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }),
      let head = String(bytes: bytes[..<end], encoding: .utf8)
    else { throw .protocolViolation("HTTP answer without a header") }
    let statusLine = head.split(separator: "\r\n").first ?? ""
    let parts = statusLine.split(separator: " ")
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
      throw .protocolViolation("HTTP status line \(statusLine.prefix(40))")
    }
    return Response(status: status, body: Array(bytes[(end + 4)...]))
  }
}
