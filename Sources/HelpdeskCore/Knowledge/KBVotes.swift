/// An article's votes from its readers: 有帮助 / 没帮助.
public struct KBVotes: Sendable, Equatable, Codable {
    public var helpful: Int
    public var notHelpful: Int

    public init(helpful: Int = 0, notHelpful: Int = 0) {
        self.helpful = helpful
        self.notHelpful = notHelpful
    }
}
