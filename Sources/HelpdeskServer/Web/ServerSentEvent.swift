/// One frame of a `text/event-stream` response (HTML Living Standard, "Server-sent events"):
/// an event name and its data lines, or a comment that only keeps the connection open.
struct ServerSentEvent: Equatable, Sendable {
    var event: String?
    var data: String?
    var comment: String?
    var retryMilliseconds: Int?

    static func named(_ event: String, data: String) -> ServerSentEvent {
        ServerSentEvent(event: event, data: data)
    }

    static let keepAlive = ServerSentEvent(comment: "keep-alive")

    /// The frame's wire form, ending with the blank line that dispatches it. Line breaks inside
    /// the data become several `data:` lines, as the format requires.
    var encoded: String {
        var text = ""
        if let comment { text += ": \(comment)\n" }
        if let retryMilliseconds { text += "retry: \(retryMilliseconds)\n" }
        if let event { text += "event: \(event)\n" }
        if let data {
            // `\r\n` is one Character in Swift, and a newline like `\n`.
            for line in data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                text += "data: \(line)\n"
            }
        }
        return text + "\n"
    }
}
