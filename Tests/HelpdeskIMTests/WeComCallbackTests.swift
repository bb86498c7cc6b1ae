import Foundation
import Testing

@testable import HelpdeskIM

@Suite struct WeComCallbackTests {
    // WeCom's official sample (the callback SDK's Sample.cpp).
    static let token = "QDG6eK"
    static let corpId = "wx5823bf96d3bd56c7"
    static let aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
    static let echo =
        "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
    static let encrypted =
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
    static let body =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"

    static func verify(_ request: IMRequest, at seconds: Double) throws -> IMEvent {
        try WeComCallback.verify(
            request, token: token, encodingAESKey: aesKey, corpId: corpId, now: Date(timeIntervalSince1970: seconds))
    }

    static func echoRequest(signature: String = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", echo: String = echo)
        -> IMRequest
    {
        IMRequest(
            method: .get,
            query: ["msg_signature": signature, "timestamp": "1409659589", "nonce": "263014780", "echostr": echo])
    }

    static func postRequest(signature: String = "477715d11cdb4164915debcba66cb864d751f3e6", body: String = body)
        -> IMRequest
    {
        IMRequest(
            method: .post, query: ["msg_signature": signature, "timestamp": "1409659813", "nonce": "1372623149"],
            body: Array(body.utf8))
    }

    @Test func theSamplesURLVerificationEchoesItsPlaintext() throws {
        #expect(try Self.verify(Self.echoRequest(), at: 1_409_659_600) == .answer(.text("1616140317555161061")))
        // The same echo from a form-decoded URL, its `+` turned into spaces.
        let spaced = Self.echoRequest(echo: Self.echo.replacingOccurrences(of: "+", with: " "))
        #expect(try Self.verify(spaced, at: 1_409_659_600) == .answer(.text("1616140317555161061")))
    }

    @Test func theSamplesMessageDecrypts() throws {
        guard case .message(let message) = try Self.verify(Self.postRequest(), at: 1_409_659_900) else {
            Issue.record("expected a message")
            return
        }
        #expect(message.text == "hello" && message.senderId == "mycreate" && message.conversationId == "mycreate")
        #expect(message.eventId == "4561255354251345929" && message.agentId == "218")
    }

    @Test func theSignatureIsTheSortedConcatenationsSHA1() {
        #expect(
            WeComCallback.signature(
                token: Self.token, timestamp: "1409659813", nonce: "1372623149", encrypted: Self.encrypted)
                == "477715d11cdb4164915debcba66cb864d751f3e6")
    }

    @Test func encryptingAndDecryptingPadsTo32ByteBlocks() throws {
        let cipher = try #require(WeComCipher(encodingAESKey: Self.aesKey))
        for length in [0, 1, 11, 12, 31, 32, 33, 100] {
            let message = Array(String(repeating: "工", count: length).utf8)
            let sealed = try cipher.encrypt(message, receiveId: Self.corpId, random: Array(repeating: 1, count: 16))
            #expect(Data(base64Encoded: sealed)!.count % 32 == 0)
            let (opened, receiver) = try cipher.decrypt(sealed)
            #expect(opened == message && receiver == Self.corpId)
        }
    }

    static let rejected: [(String, IMRequest, Double, IMRejection)] = [
        (
            "tampered ciphertext", postRequest(body: body.replacingOccurrences(of: "RypE", with: "RypF")),
            1_409_659_900, .signature
        ),
        (
            "wrong signature", postRequest(signature: "477715d11cdb4164915debcba66cb864d751f3e7"), 1_409_659_900,
            .signature
        ),
        ("echo with a wrong signature", echoRequest(signature: "0000"), 1_409_659_600, .signature),
        ("replayed a day later", postRequest(), 1_409_746_213, .stale),
    ]

    @Test(arguments: rejected.indices) func refused(_ index: Int) {
        let (name, request, now, rejection) = Self.rejected[index]
        #expect(throws: rejection, "\(name)") { try Self.verify(request, at: now) }
    }

    @Test func anotherCorpsMessageIsRefused() throws {
        #expect(throws: IMRejection.signature) {
            try WeComCallback.verify(
                Self.postRequest(), token: Self.token, encodingAESKey: Self.aesKey, corpId: "wwOtherCorp",
                now: Date(timeIntervalSince1970: 1_409_659_900))
        }
    }

    @Test(arguments: [
        ("<xml><A><![CDATA[x<y]]></A><B>1 &lt; 2 &amp; 3</B></xml>", ["A": "x<y", "B": "1 < 2 & 3"]),
        ("<xml>\n  <Content><![CDATA[你好]]></Content>\n</xml>", ["Content": "你好"]),
        ("no root", [:]),
    ])
    func flatXMLReadsTheRootsChildren(_ xml: String, _ expected: [String: String]) {
        #expect(FlatXML.elements(xml) == expected)
    }
}
