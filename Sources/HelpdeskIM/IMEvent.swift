/// What a verified callback is: a verification the platform wants answered (Slack's and
/// Feishu's `url_verification`, WeCom's GET echo), a user's message, or something the desk does
/// not act on (a bot's own message, a reaction) that is still acknowledged.
public enum IMEvent: Sendable, Equatable {
    case answer(IMAnswer)
    case message(IMInboundMessage)
    case ignored
}

/// The body the platform expects in a 200 answer.
public struct IMAnswer: Sendable, Equatable {
    public var contentType: String
    public var body: String

    public init(contentType: String, body: String) {
        self.contentType = contentType
        self.body = body
    }

    public static func json(_ body: String) -> IMAnswer { IMAnswer(contentType: "application/json", body: body) }
    public static func text(_ body: String) -> IMAnswer {
        IMAnswer(contentType: "text/plain; charset=utf-8", body: body)
    }
}
