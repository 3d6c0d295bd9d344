import SessionModel

extension ClinicalProtocol {
  /// The study as the database files it, the protocol known by `protocolName` (its file's name).
  public func study(protocolName: String) -> Study {
    Study(id: id, title: title.french, protocolName: protocolName, participantCodes: participantCodes)
  }
}
