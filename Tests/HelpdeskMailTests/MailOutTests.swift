import Foundation
import Testing

@testable import HelpdeskMail

/// The desk's own mail (issue #11): ticket tags in subjects, the rendered message read back by
/// our parser, delivery reports.
@Suite("Ticket tags, outgoing mail and delivery reports")
struct MailOutTests {
    @Test(
        "a ticket tag is [number] or [#number] with a digit in it; other brackets are no tag",
        arguments: [
            ("[TS20261202001] 打印机故障", "TS20261202001"), ("回复：[#TS1] 打印机", "TS1"),
            ("[External] [TS2] VPN", "TS2"), ("[外部] 无编号", nil), ("[#] [x] no tag", nil),
            ("RE：[TS2026-12-001] x", "TS2026-12-001"), ("[TS1", nil),
        ] as [(String, String?)])
    func tags(subject: String, number: String?) {
        #expect(MailSubject.ticketNumber(in: subject) == number)
    }

    @Test("the rendered mail reads back as it was written: UTF-8 subject and body, threading, Auto-Submitted")
    func roundTrip() throws {
        // given
        let mail = OutgoingMail(
            from: "desk@corp.example.cn", to: "zhangsan@corp.example.cn", subject: "[TS1] 打印机故障（–三楼）",
            body: "您好：\n请重启打印机。\n.\n一行点号也安全", date: Date(timeIntervalSince1970: 1_796_000_000),
            messageId: "a1@corp.example.cn", inReplyTo: "m1@corp.example.cn",
            references: ["m1@corp.example.cn", "bad>\r\nBcc: x@y", "a0@corp.example.cn"],
            autoSubmitted: "auto-replied")
        // when
        let parsed = try MailParser.parse(Array(mail.rendered.utf8))
        // then
        #expect(parsed.subject == mail.subject && parsed.text == mail.body)
        #expect(parsed.messageId == "a1@corp.example.cn" && parsed.inReplyTo == ["m1@corp.example.cn"])
        #expect(parsed.references == ["m1@corp.example.cn", "a0@corp.example.cn"])
        #expect(parsed.headers.text("Auto-Submitted") == "auto-replied" && parsed.isAutomatic)
        #expect(parsed.headers.raw("Bcc") == nil)
    }

    static func report(action: String, status: String, part: String = "text/rfc822-headers") -> [UInt8] {
        Array(
            """
            From: MAILER-DAEMON@mx.example.cn\r
            To: desk@corp.example.cn\r
            Subject: Delivery Status Notification (Failure)\r
            Content-Type: multipart/report; report-type=delivery-status; boundary=r\r
            \r
            --r\r
            Content-Type: text/plain\r
            \r
            failed\r
            --r\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.example.cn\r
            Arrival-Date: Mon, 7 Dec 2026 10:00:00 +0800\r
            \r
            Final-Recipient: rfc822; <Wang@Corp.Example.cn>\r
            Action: \(action)\r
            Status: \(status) (mailbox unavailable)\r
            \r
            Original-Recipient: rfc822;li@corp.example.cn\r
            Final-Recipient: rfc822;li@corp.example.cn\r
            Action: delivered\r
            Status: 2.0.0\r
            --r\r
            Content-Type: \(part)\r
            \r
            Message-ID: <a1@corp.example.cn>\r
            Subject: x\r
            --r--\r

            """.utf8)
    }

    @Test(
        "a delivery report names its recipients and the bounced message; only failed with 5.x.x is permanent",
        arguments: [
            ("failed", "5.1.1", "text/rfc822-headers", ["wang@corp.example.cn"]),
            ("failed", "4.4.7", "message/rfc822", [String]()), ("delayed", "4.4.1", "text/rfc822-headers", []),
        ])
    func deliveryReports(action: String, status: String, part: String, permanent: [String]) throws {
        let mail = try MailParser.parse(Self.report(action: action, status: status, part: part))
        let report = try #require(DeliveryReport(mail))
        #expect(report.originalMessageId == "a1@corp.example.cn")
        #expect(report.recipients.map(\.address) == ["wang@corp.example.cn", "li@corp.example.cn"])
        #expect(report.permanentFailures == permanent)
    }

    @Test("ordinary mail is no delivery report")
    func notAReport() throws {
        let mail = try MailParser.parse(Array("From: a@b.cn\r\nSubject: hi\r\n\r\nhello\r\n".utf8))
        #expect(DeliveryReport(mail) == nil)
    }
}
