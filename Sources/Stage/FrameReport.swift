/// When a frame reached the screen.
public struct FrameReport: Hashable, Sendable {
  /// 1 for the first frame presented.
  public var frameNumber: Int
  /// Monotonic nanoseconds, read right after the frame was presented.
  public var presentedAt: UInt64
  /// Frames whose interval exceeded 1.5 refresh periods, since the Stage opened.
  public var droppedFrames: Int

  public init(frameNumber: Int, presentedAt: UInt64, droppedFrames: Int) {
    self.frameNumber = frameNumber
    self.presentedAt = presentedAt
    self.droppedFrames = droppedFrames
  }
}
