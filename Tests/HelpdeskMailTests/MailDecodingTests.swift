import Foundation
import Testing

@testable import HelpdeskMail

@Suite("Mail charsets, encoded words and parameters")
struct MailDecodingTests {
    @Test(
        "labels Chinese mail gets wrong decode as GB18030 or Big5-HKSCS through iconv",
        arguments: [
            // 中文– : the en-dash A8 43 is GBK, not GB2312 (Foundation's EUC_CN returns nil).
            ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4, 0xA8, 0x43], "中文–"),
            ("euc-cn", [0xD6, 0xD0, 0xCE, 0xC4, 0xA8, 0x43], "中文–"),
            ("GBK", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
            ("cp936", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
            ("x-gbk", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
            // 95 32 82 36 is U+20000, only in GB18030's four-byte range.
            ("gb2312", [0x95, 0x32, 0x82, 0x36], "\u{20000}"),
            // 9D B7 is HKSCS U+23CB7; plain Big5 tables give private use U+EC99.
            ("big5", [0x9D, 0xB7], "\u{23CB7}"),
            ("utf-8", [0xE4, 0xB8, 0xAD], "中"),
            // Labelled ASCII, sent as UTF-8: the label is not believed.
            ("us-ascii", [0xE4, 0xB8, 0xAD], "中"),
        ] as [(String, [UInt8], String)])
    func labelled(label: String, bytes: [UInt8], expected: String) {
        #expect(MailCharset.decode(bytes, label: label) == expected)
    }

    @Test(
        "unlabelled text: UTF-8 if valid, else GB18030 or Big5 by score, never Latin-1",
        arguments: [
            ("网络故障，无法访问共享盘", "utf-8"),
            ("网络故障，无法访问共享盘", "gb18030"),
            ("網絡故障，無法訪問共享盤", "big5"),
            ("請問打印機為什麼一直離線", "big5"),
            ("请问打印机为什么一直离线", "gbk"),
        ])
    func unlabelled(text: String, codec: String) throws {
        let bytes = try #require(Self.encode(text, codec))
        #expect(MailCharset.decode(bytes, label: nil) == text)
    }

    /// Test input encoded through the same iconv the decoder uses, in the other direction.
    static func encode(_ text: String, _ codec: String) -> [UInt8]? {
        if codec == "utf-8" { return Array(text.utf8) }
        let name = codec == "big5" ? "BIG5-HKSCS" : "GB18030"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", name]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test(
        "RFC 2047 encoded words, adjacent ones joined before decoding",
        arguments: [
            ("=?utf-8?B?5Lit5paH?=", "中文"),
            ("=?UTF-8?Q?=E4=B8=AD=E6=96=87_ok?=", "中文 ok"),
            // 中 split after its first byte across two words.
            ("=?utf-8?Q?=E4?= =?utf-8?Q?=B8=AD?=", "中"),
            ("=?utf-8?B?5L?= =?utf-8?B?it?=", "中"),
            ("=?gb2312?B?1tDOxA==?= =?gb2312?B?qEM=?=", "中文–"),
            ("Re: =?utf-8?B?5Lit5paH?= tail", "Re: 中文 tail"),
            ("=?utf-8?B?5Lit?= =?gb2312?B?zsQ=?=", "中文"),
            ("=?utf-8*zh-cn?Q?=E4=B8=AD?=", "中"),
            ("not =? a word ?=", "not =? a word ?="),
        ])
    func encodedWords(raw: String, expected: String) {
        #expect(EncodedWords.decode(raw) == expected)
    }

    @Test(
        "RFC 2231 parameters: charset, continuations, mixed extended and plain sections",
        arguments: [
            ("attachment; filename*=UTF-8''%E4%B8%AD.txt", "中.txt"),
            ("attachment; filename*0*=UTF-8''%E4%B8; filename*1*=%AD%E6%96%87; filename*2=.doc", "中文.doc"),
            ("attachment; filename*=gb2312'zh'%D6%D0%CE%C4.txt", "中文.txt"),
            ("attachment; filename=\"=?utf-8?B?5Lit5paH?=.pdf\"", "中文.pdf"),
            (
                "attachment; filename=\"a \\\"quoted\\\" name; with semicolon.txt\"",
                "a \"quoted\" name; with semicolon.txt"
            ),
        ])
    func parameters(raw: String, expected: String) {
        #expect(HeaderParameters(parsing: Array(raw.utf8))["filename"] == expected)
    }

    @Test(
        "quoted-printable: soft breaks (CRLF or LF), escapes, a malformed '=' kept",
        arguments: [
            ("a=3Db", "a=b"), ("long=\r\nline", "longline"), ("long=\nline", "longline"), ("50=% off", "50=% off"),
            ("=E4=B8=AD", "中"),
        ])
    func quotedPrintable(raw: String, expected: String) {
        #expect(String(decoding: TransferEncoding.quotedPrintable(Array(raw.utf8)), as: UTF8.self) == expected)
    }

    @Test(
        "reply prefixes are stripped, ASCII or full-width colon",
        arguments: [
            ("Re: 打印机故障", "打印机故障"), ("RE：打印机故障", "打印机故障"), ("回复：打印机故障", "打印机故障"),
            ("答复: 打印机故障", "打印机故障"), ("转发：Re: 打印机故障", "打印机故障"), ("Fwd: Re[2]: x", "x"),
            ("Report: disk", "Report: disk"),
        ])
    func subjects(raw: String, expected: String) {
        #expect(MailSubject.stripped(raw) == expected)
    }

    @Test("a reply's subject carries the ticket tag once")
    func replySubject() {
        #expect(MailSubject.tagged("打印机故障", number: "TS1") == "[TS1] 打印机故障")
        #expect(MailSubject.tagged("回复：[#TS1] 打印机故障", number: "TS1") == "[#TS1] 打印机故障")
        #expect(MailSubject.tagged("RE：[TS1] 打印机故障", number: "TS1") == "[TS1] 打印机故障")
        #expect(MailSubject.ticketNumber(in: "[#] [x] no tag") == nil)
    }

    @Test(
        "RFC 5322 dates, numeric and obsolete zones",
        arguments: [
            ("Thu, 3 Dec 2026 09:05:01 +0800", 1_796_259_901.0), ("3 Dec 2026 01:05:01 GMT", 1_796_259_901.0),
            ("Thu, 03 Dec 26 09:05:01 +0800 (CST)", 1_796_259_901.0),
        ])
    func dates(raw: String, epoch: Double) {
        #expect(MailDate.parse(raw) == Date(timeIntervalSince1970: epoch))
    }
}
