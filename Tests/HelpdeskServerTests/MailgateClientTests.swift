import Foundation
import Testing

@testable import HelpdeskServer

@Suite("helpdesk mailgate exit codes (issue #11)")
struct MailgateClientTests {
    @Test(
        "0 only once stored; 75 (EX_TEMPFAIL) so the MTA retries on no answer, 5xx, 429; refusals bounce",
        arguments: [
            (200, 0), (201, 0), (500, 75), (502, 75), (503, 75), (429, 75), (408, 75), (404, 77), (401, 77),
            (413, 65), (422, 65), (400, 65),
        ] as [(Int, Int32)])
    func codes(status: Int, code: Int32) {
        #expect(MailgateClient.exitCode(status: status) == code)
    }

    @Test("an unreachable server is 75: the MTA keeps the message")
    func unreachable() async {
        let result = await MailgateClient.post(
            base: URL(string: "http://127.0.0.1:1")!, channel: 1, token: "t", message: Data("From: a@b\r\n\r\nx".utf8),
            timeout: 5)
        #expect(result.code == 75)
    }
}
