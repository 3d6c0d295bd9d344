/// A connected byte stream to one diffuser: RFCOMM, a Unix socket or TCP.
///
/// The client speaks frames; a transport only moves bytes. `incoming` finishes when the
/// peer goes away, which is how the client learns that the link dropped.
public protocol DiffuserTransport: AnyObject, Sendable {
  /// Where the bytes go, for logs: `unix:/tmp/d.sock`, `rfcomm:AA:BB:CC:DD:EE:FF:1`.
  var peer: String { get }
  /// Chunks of bytes as they arrive; finishes on disconnect or ``close()``.
  var incoming: AsyncStream<[UInt8]> { get }
  /// Writes all the bytes or throws; never blocks for long (frames are small).
  func send(_ bytes: [UInt8]) throws(DiffuserError)
  /// Closes the link; `incoming` finishes soon after. Safe to call twice.
  func close()
}
