import HTTPTypes
import Testing

@testable import HelpdeskServer

/// R9 hardening: every response forbids sniffing and framing and keeps the URL on the site;
/// HTML pages allow only the server's own script, styles and form targets.
@Suite("Security headers on every response")
struct SecurityHeadersTests {
    @Test(
        "nosniff, DENY and same-origin everywhere; a CSP on HTML only",
        arguments: [
            // Signed out, the console and a ticket page are redirects to /login: no page, no CSP.
            ("/login", true), ("/", false), ("/tickets/INC-20991231-9999", false), ("/health", false),
            ("/api/v1/tickets", false), ("/api/v1/openapi.json", false), ("/static/app.js", false),
        ])
    func headers(path: String, isPage: Bool) async throws {
        try await APIHarness.run(.sqlite) { api in
            let response = try await api.call(.get, path)
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            let policy = response.headers[HTTPField.Name("Content-Security-Policy")!]
            #expect((policy != nil) == isPage, "\(path): \(response.status)")
            if let policy {
                #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline"))
            }
        }
    }

    @Test(
        "HEAD answers like GET without a body, so curl -I shows a page's real headers",
        arguments: ["/login", "/health", "/api/v1/openapi.json", "/static/app.css"])
    func head(path: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let get = try await api.client.execute(uri: path, method: .get) { $0 }
            let head = try await api.client.execute(uri: path, method: .head) { $0 }
            #expect(head.status == get.status && head.status == .ok)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(head.body.readableBytes == 0 && get.body.readableBytes > 0)
        }
    }
}
