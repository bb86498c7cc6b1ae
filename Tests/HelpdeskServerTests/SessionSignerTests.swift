import Foundation
import HelpdeskServer
import Testing

@Suite("Session cookies and CSRF tokens are HMAC-SHA256 signed")
struct SessionSignerTests {
    let signer = SessionSigner(secret: "a-secret-of-at-least-thirty-two-characters")

    @Test("a signed cookie gives its token back; a changed token, signature or secret gives nothing")
    func cookieSignature() {
        let value = signer.cookieValue(for: "token-abc")
        #expect(signer.token(fromCookie: value) == "token-abc")
        #expect(signer.token(fromCookie: value.replacingOccurrences(of: "token-abc", with: "token-abd")) == nil)
        #expect(signer.token(fromCookie: String(value.dropLast()) + (value.last == "A" ? "B" : "A")) == nil)
        #expect(signer.token(fromCookie: "token-abc") == nil)
        #expect(signer.token(fromCookie: ".") == nil)
        #expect(SessionSigner(secret: "another-secret-of-thirty-two-characters").token(fromCookie: value) == nil)
    }

    @Test("a CSRF token is valid only for the session it was derived from")
    func csrf() {
        let token = signer.csrfToken(for: "session-1")
        #expect(signer.isValidCSRF(token, for: "session-1"))
        #expect(!signer.isValidCSRF(token, for: "session-2"))
        #expect(!signer.isValidCSRF(nil, for: "session-1"))
        #expect(!signer.isValidCSRF("", for: "session-1"))
        #expect(!signer.isValidCSRF(signer.cookieValue(for: "session-1"), for: "session-1"))
    }
}
