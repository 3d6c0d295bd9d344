/// The `format:` line that opens every file ProtocolKit reads, so a file says what it is.
public enum ProtocolFormat {
  public static let protocolV1 = "connectage-protocol/1"
  public static let scentsV1 = "connectage-scents/1"
  static let all = [protocolV1, scentsV1]
}
