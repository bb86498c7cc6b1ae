import Foundation
import Testing

@testable import HelpdeskMail

/// The fixture mails in Fixtures/ (written by make-fixtures.py, bytes as mailers send them):
/// subjects, senders and bodies exact, no U+FFFD, attachment digests equal to the bytes sent.
@Suite("Mail fixtures (R1.1 e-mail intake)")
struct MailFixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "eml"))
        return Array(try Data(contentsOf: url))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var subject: String
        var from: String
        var name: String?
        var text: String
        var testDescription: String { file }
    }

    static let attachmentDigest = "5ef805c9a812aa63b2b1d5ae482f90103e2b2c51bbf6a6bf225b8dea9c6b5d40"
    static let pngDigest = "6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0"

    @Test(
        "each fixture's subject, sender and body decode exactly",
        arguments: [
            Case(
                file: "01-gb2312-endash", subject: "打印机故障–三楼", from: "zhangsan@corp.example.cn", name: "张三",
                text: "三楼打印机卡纸–请尽快处理。\n谢谢！"),
            Case(
                file: "02-big5-hkscs", subject: "香港分行𣲷系統無法登入", from: "chan@hk.example.com", name: "陳大文",
                text: "分行同事𣲷無法登入內聯網。"),
            Case(
                file: "03-split-encoded-word", subject: "服务器宕机，请紧急处理", from: "wangwu@corp.example.cn",
                name: "王五", text: "数据库服务器 db-01 今早宕机。"),
            Case(
                file: "04-rfc2231-continuations", subject: "报销系统附件", from: "lisi@corp.example.cn", name: nil,
                text: "附件是十二月的报销单。"),
            Case(
                file: "05-outlook-related", subject: "邮件客户端报错截图", from: "zhaoliu@corp.example.cn",
                name: "Zhao Liu", text: "打开 Outlook 时报错，截图如下：\n\n[cid:image001.png@01DB4C]\n\n赵六"),
            Case(
                file: "06-raw-8bit-utf8", subject: "VPN 连接不上", from: "sunqi@corp.example.cn", name: "孙七",
                text: "在家连 VPN 一直超时。"),
            Case(
                file: "07-raw-8bit-gbk", subject: "邮箱容量满了", from: "zhouba@corp.example.cn", name: "周八",
                text: "收件箱提示容量已满。"),
            Case(
                file: "08-reply-threading", subject: "回复：[#TS20261202001] 打印机故障", from: "zhangsan@corp.example.cn",
                name: nil, text: "换了硒鼓以后好了。"),
            Case(
                file: "09-html-only", subject: "告警： 磁盘", from: "it-notice@corp.example.cn", name: nil,
                text: "磁盘使用率 95%\n\n主机：a&b\n请处理"),
            Case(
                file: "10-unlabelled-gbk", subject: "no charset", from: "wu@corp.example.cn", name: nil,
                text: "财务系统打不开，显示错误代码五零三。"),
            Case(
                file: "11-unlabelled-big5", subject: "no charset", from: "lam@hk.example.com", name: nil,
                text: "會計系統無法開啟，顯示錯誤代碼五零三。"),
            Case(
                file: "12-lf-no-close-delimiter", subject: "LF only", from: "zheng@corp.example.cn", name: nil,
                text: "罕见字：\u{20000}"),
            Case(
                file: "13-auto-reply", subject: "自动回复：休假中", from: "zhangsan@corp.example.cn", name: nil,
                text: "我 12 月 10 日前休假。"),
        ])
    func decodes(_ expected: Case) throws {
        let mail = try MailParser.parse(Self.fixture(expected.file))
        #expect(mail.subject == expected.subject)
        #expect(mail.from.address == expected.from)
        #expect(mail.from.name == expected.name)
        #expect(mail.text == expected.text)
        #expect(!mail.subject.contains("\u{FFFD}") && !mail.text.contains("\u{FFFD}"))
    }

    @Test("R1.1 RFC 2231 names with continuations and charset; attachments byte-exact")
    func rfc2231() throws {
        let mail = try MailParser.parse(Self.fixture("04-rfc2231-continuations"))
        #expect(mail.attachments.map(\.filename) == ["报销单（十二月）.xlsx", "网络拓扑图.pdf"])
        #expect(mail.attachments.map(\.sha256) == [Self.attachmentDigest, Self.pngDigest])
        #expect(mail.attachments.map(\.size) == [774, 70])
        #expect(mail.attachments[0].contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    @Test("Outlook's related/alternative nesting: plain body, HTML kept, inline image by cid, 2047 name")
    func outlook() throws {
        let mail = try MailParser.parse(Self.fixture("05-outlook-related"))
        #expect(mail.html?.contains("<img src=\"cid:image001.png@01DB4C\">") == true)
        #expect(mail.attachments.count == 2)
        let image = try #require(mail.attachments.first)
        #expect(image.filename == "image001.png")
        #expect(image.contentId == "image001.png@01DB4C")
        #expect(image.isInline)
        #expect(image.sha256 == Self.pngDigest)
        #expect(mail.attachments[1].filename == "错误日志.log")
        #expect(!mail.attachments[1].isInline)
        #expect(mail.attachments[1].sha256 == Self.attachmentDigest)
        #expect(mail.to.map(\.address) == ["support@desk.example.cn", "ops@corp.example.cn"])
        #expect(mail.to.first?.name == "IT Support")
        #expect(mail.cc == [MailAddress(name: "主管", address: "boss@corp.example.cn")])
        #expect(mail.messageId == "SG2PR06MB1234ABCD@SG2PR06MB1234.apcprd06.prod.outlook.com")
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_232_612))
    }

    @Test("threading headers: Message-ID, In-Reply-To, folded References; the subject's tag")
    func threading() throws {
        let mail = try MailParser.parse(Self.fixture("08-reply-threading"))
        #expect(mail.messageId == "reply-2@corp.example.cn")
        #expect(mail.inReplyTo == ["ticket-TS20261202001.1@desk.example.cn"])
        #expect(
            mail.references == ["20261203090501.1234@corp.example.cn", "ticket-TS20261202001.1@desk.example.cn"])
        #expect(
            mail.threadIds == ["ticket-TS20261202001.1@desk.example.cn", "20261203090501.1234@corp.example.cn"])
        #expect(MailSubject.ticketNumber(in: mail.subject) == "TS20261202001")
        #expect(MailSubject.stripped(mail.subject) == "[#TS20261202001] 打印机故障")
    }

    @Test("an LF-only message without its close delimiter keeps its last part")
    func lfOnly() throws {
        let mail = try MailParser.parse(Self.fixture("12-lf-no-close-delimiter"))
        #expect(mail.attachments.map(\.filename) == ["notes.txt"])
        #expect(mail.attachments.first?.data == Array("line one\nline two\n".utf8))
    }

    @Test("auto-replies are recognised; ordinary mail is not")
    func automatic() throws {
        #expect(try MailParser.parse(Self.fixture("13-auto-reply")).isAutomatic)
        #expect(try !MailParser.parse(Self.fixture("01-gb2312-endash")).isAutomatic)
    }

    @Test(
        "poisoned messages are refused with a reason (they go to quarantine)",
        arguments: [("14-poison-binary", MailParseError.notAMessage), ("15-poison-no-sender", .noSender)])
    func poison(file: String, error: MailParseError) throws {
        let bytes = try Self.fixture(file)
        #expect(throws: error) { try MailParser.parse(bytes) }
    }
}
