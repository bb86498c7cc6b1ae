import HelpdeskCore
import Testing

@Suite("A requester's reply to a resolved ticket: not solved only when it says so (R5.2)")
struct RequesterReplyTests {
    @Test(
        "R5.2 replies that say the problem is not solved",
        arguments: [
            "还是不行，打印机依然卡纸", "问题没有解决", "试了一下，还没好", "重启后仍 然 报错", "刚才又出现了同样的提示",
            "您好：\n问题依旧。\n\n谢谢", "It's still not working after the restart.", "This did not work.",
            "Not solved — same error", "The issue persists", "Still doesn’t work", "VPN 还是连不上，问题还在",
        ])
    func notSolved(_ text: String) {
        #expect(RequesterReply.saysNotSolved(text))
    }

    @Test(
        "R5.2 replies that are a public message: thanks, questions, details, and words only in the quoted mail",
        arguments: [
            "好了，谢谢！", "已经解决了，没有问题", "重启后好了", "请问下次遇到怎么办？", "Thanks, it works now.",
            "Solved, thank you", "附上日志，供参考", "不是没解决，是我还没来得及试",
            "好的，谢谢\n\n-----原始邮件-----\n发件人: 服务台\n如果还是不行请回复",
            "Thanks!\n\nOn Mon, 7 Dec 2026 at 10:00, Desk wrote:\n> if it is still not working, reply",
            "收到\n\n在 2026年12月7日 10:00，服务台 写道：\n> 问题没有解决请回复",
            "OK\n> still not working? tell us",
        ])
    func publicMessage(_ text: String) {
        #expect(!RequesterReply.saysNotSolved(text))
    }

    @Test(
        "the reply's own text stops at the quoted mail",
        arguments: [
            ("谢谢\n> 引用", "谢谢"), ("第一行\n第二行\n-----Original Message-----\nFrom: x", "第一行\n第二行"),
            ("无引用", "无引用"),
        ])
    func ownText(_ text: String, _ own: String) {
        #expect(RequesterReply.ownText(text) == own)
    }
}
