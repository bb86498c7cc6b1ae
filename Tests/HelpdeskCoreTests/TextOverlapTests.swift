import Testing

@testable import HelpdeskCore

@Suite("How much of a typed text another text holds (R6.2 suggestions, R6.3 similar tickets)")
struct TextOverlapTests {
    @Test(
        "enough when at least 30 % of the typed tokens are held, all of them for one or two",
        arguments: [
            ("VPN", "vpn 客户端升级后无法连接", true),
            ("VPN", "打印机卡纸", false),
            ("E1001", "e1001 报错", true),
            ("连接", "无法连接", true),
            ("VPN连接超时", "vpn 断开", false),
            ("VPN 连接超时", "vpn 连接中断", true),
            ("邮箱收不到外部邮件", "外部邮件进不来", true),
            ("邮箱收不到外部邮件", "邮箱密码忘了", false),
            ("！！！", "任何文字", false),
        ])
    func enough(typed: String, other: String, expected: Bool) {
        let overlap = TextOverlap(typed)
        let shared = overlap.shared(with: TextOverlap.held(normalized: SearchAnalyzer.normalize(other)))
        #expect(overlap.isEnough(shared.count) == expected, "\(overlap.tokens) ∩ \(other): \(shared)")
    }

    @Test("the typed text's tokens are distinct, in order, and cut to the limit")
    func tokens() {
        let tokens = TextOverlap("VPN vpn 连接 连接").tokens
        #expect(tokens.prefix(2) == ["vpn", "连接"] && Set(tokens).count == tokens.count)
        let long = (0..<100).map { "w\($0)" }.joined(separator: " ")
        #expect(TextOverlap(long).tokens.count == TextOverlap.tokenLimit)
        #expect(TextOverlap(long).tokens.first == "w0")
    }
}
