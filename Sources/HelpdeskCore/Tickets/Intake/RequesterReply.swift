import Foundation

/// What a requester's reply to a resolved ticket means (issue #11, R5.2): it counts as "not
/// solved" only when its own words say so (所写内容, not the quoted mail below it); anything else
/// (thanks, a question, a detail) is a public message, and the ticket waits for the confirmation.
public enum RequesterReply {
    /// Phrases that say the problem is not solved, compared without spaces and letter case.
    static let notSolved = [
        "没解决", "没有解决", "未解决", "还没解决", "仍未解决", "并未解决", "没能解决", "未能解决",
        "没好", "没有好", "还没好", "还是不行", "还不行", "依然不行", "仍然不行", "仍不行", "还是没用",
        "问题依旧", "问题依然", "问题还在", "问题仍在", "还是有问题", "仍有问题", "没修好", "没有修好",
        "还是报错", "仍然报错", "又出现了", "又坏了", "没有恢复", "未恢复", "还是老样子",
        "notsolved", "notresolved", "isn'tsolved", "isnotsolved", "notfixed", "isn'tfixed", "stillnotworking",
        "stilldoesn'twork", "stilldoesnotwork", "stillbroken", "stillhaving", "stillhappening",
        "stillfailing", "didn'twork", "didnotwork", "doesn'twork", "doesnotwork", "notworking", "sameproblem",
        "sameissue", "problempersists", "issuepersists",
    ]

    /// Phrases that turn a match around ("不是没解决", "no longer not working" are rare; "没有问题"
    /// and "已解决" are not matches in the first place).
    static let negations = ["不是没", "并不是没", "notthatit"]

    /// True when the reply's own text says the problem is not solved.
    public static func saysNotSolved(_ text: String) -> Bool {
        let own = ownText(text).lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .filter { !$0.isWhitespace }
        guard !negations.contains(where: own.contains) else { return false }
        return notSolved.contains(where: own.contains)
    }

    /// The reply without the mail it quotes: up to the first quoted line (`>`), a client's
    /// separator (`-----原始邮件-----`, `-----Original Message-----`) or attribution line
    /// (`在 … 写道：`, `On … wrote:`, `发件人：`, `From:`).
    public static func ownText(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if trimmed.hasPrefix(">") || trimmed.contains("原始邮件") || lower.contains("original message")
                || lower.hasPrefix("from:") || trimmed.hasPrefix("发件人") || trimmed.hasSuffix("写道：")
                || trimmed.hasSuffix("写道:") || (lower.hasPrefix("on ") && lower.hasSuffix("wrote:"))
            {
                break
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
