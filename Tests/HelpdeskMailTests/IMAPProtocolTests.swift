import Foundation
import Testing

@testable import HelpdeskMail

/// The pure parts of the IMAP client (issue #11): responses cut from a byte stream with their
/// literals, however the bytes arrive; arguments that cannot break a command line; folder names
/// in modified UTF-7.
@Suite("IMAP responses, arguments and folder names")
struct IMAPProtocolTests {
    static let stream = Array(
        "* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\r\n* SEARCH 3 5 8\r\n* 2 FETCH (UID 17 BODY[] {12}\r\nSubject: x\r\n)\r\nH4 OK done\r\n"
            .utf8)

    @Test("responses and literals come out whole whatever the chunk size", arguments: [1, 2, 3, 7, 16, 1000])
    func chunked(size: Int) throws {
        var buffer = IMAPResponseBuffer()
        var responses: [IMAPResponse] = []
        var start = 0
        while start < Self.stream.count {
            buffer.append(Self.stream[start..<min(start + size, Self.stream.count)])
            start += size
            while let response = try buffer.next() { responses.append(response) }
        }
        #expect(responses.count == 4)
        #expect(responses[0].capabilities == ["IMAP4REV1", "STARTTLS", "AUTH=PLAIN"])
        #expect(responses[1].searchResults == [3, 5, 8])
        #expect(responses[2].fetchUID == 17 && responses[2].literals == [Array("Subject: x\r\n".utf8)])
        #expect(responses[2].text == "* 2 FETCH (UID 17 BODY[] {12})")
        #expect(responses[3].tag == "H4" && responses[3].status == "OK")
    }

    @Test(
        "the UID of a FETCH answer, wherever the item stands",
        arguments: [
            ("* 1 FETCH (UID 9 BODY[] {0}", UInt32(9)), ("* 1 FETCH (FLAGS (\\Seen) UID 42)", 42),
            ("* 1 FETCH (FLAGS (\\Seen))", nil), ("* 3 EXISTS", nil),
        ] as [(String, UInt32?)])
    func fetchUID(text: String, uid: UInt32?) {
        #expect(IMAPResponse(text: text).fetchUID == uid)
    }

    @Test("a literal over the limit ends the session instead of filling memory")
    func oversizedLiteral() {
        var buffer = IMAPResponseBuffer(maxLiteral: 100)
        buffer.append(Array("* 1 FETCH (BODY[] {101}\r\n".utf8))
        #expect(throws: IMAPProtocolError.self) { try buffer.next() }
    }

    @Test(
        "strings are quoted with escapes when plain ASCII, sent as literals otherwise (CR, LF, Chinese)",
        arguments: [
            ("secret", IMAPArgument.quoted("secret"), "\"secret\""),
            ("pa\"ss\\word", .quoted("pa\"ss\\word"), "\"pa\\\"ss\\\\word\""),
            ("密码", .literal(Array("密码".utf8)), "{6}"),
            ("a\r\nH9 DELETE INBOX", .literal(Array("a\r\nH9 DELETE INBOX".utf8)), "{18}"),
        ])
    func arguments(value: String, argument: IMAPArgument, wire: String) {
        #expect(IMAPArgument.string(value) == argument)
        #expect(argument.wire == wire)
    }

    @Test(
        "folder names in modified UTF-7 (RFC 3501 §5.1.3), both ways",
        arguments: [
            ("INBOX", "INBOX"), ("工单", "&XeVTVQ-"), ("收件箱/已处理", "&ZTZO9nux-/&XfJZBHQG-"),
            ("Tom & Jerry", "Tom &- Jerry"), ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ])
    func mailboxNames(name: String, encoded: String) {
        #expect(IMAPMailboxName.encode(name) == encoded)
        #expect(IMAPMailboxName.decode(encoded) == name)
    }
}
