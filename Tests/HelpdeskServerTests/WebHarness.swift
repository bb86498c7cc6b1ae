import Foundation
import HTTPTypes
import HelpdeskServer
import HelpdeskTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore

/// An HTML response from the web UI under test.
struct WebResponse {
    let status: HTTPResponse.Status
    let html: String
    let headers: HTTPFields
    var location: String? { headers[.location] }

    /// The `_csrf` value of the page's forms.
    var csrf: String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// A browser in a test: keeps the session cookie and posts forms.
final class WebBrowser: @unchecked Sendable {
    let api: APIHarness
    var cookies: [String: String] = [:]

    init(_ api: APIHarness) { self.api = api }

    /// A browser with `username` signed in.
    static func signedIn(_ api: APIHarness, as username: String = "admin") async throws -> WebBrowser {
        let browser = WebBrowser(api)
        try await browser.signIn(username)
        return browser
    }

    @discardableResult
    func get(_ uri: String) async throws -> WebResponse { try await send(.get, uri, body: nil, contentType: nil) }

    @discardableResult
    func post(_ uri: String, _ fields: [String: String]) async throws -> WebResponse {
        try await post(uri, pairs: fields.map { ($0.key, $0.value) })
    }

    /// A form whose names may repeat (checkboxes, multiple selects), in order.
    @discardableResult
    func post(_ uri: String, pairs: [(String, String)]) async throws -> WebResponse {
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            .post, uri, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded")
    }

    /// A multipart form with one file.
    @discardableResult
    func postMultipart(
        _ uri: String, _ fields: [String: String], file: (name: String, type: String, data: [UInt8])
    ) async throws -> WebResponse {
        let boundary = "----helpdesk-test-boundary"
        var body: [UInt8] = []
        for (key, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.data + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await send(
            .post, uri, body: ByteBuffer(bytes: body), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    @discardableResult
    func signIn(_ username: String, _ password: String = TestStores.adminPassword) async throws -> WebResponse {
        let form = try await get("/login")
        return try await post("/login", ["username": username, "password": password, "_csrf": form.csrf ?? ""])
    }

    private func send(_ method: HTTPRequest.Method, _ uri: String, body: ByteBuffer?, contentType: String?) async throws
        -> WebResponse
    {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await api.client.execute(uri: uri, method: method, headers: headers, body: body) {
            response in
            WebResponse(status: response.status, html: String(buffer: response.body), headers: response.headers)
        }
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
