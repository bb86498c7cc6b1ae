import Foundation
import HTTPTypes
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A JSON response from the API under test.
struct APIResponse {
    let status: HTTPResponse.Status
    let json: [String: Any]
    let headers: HTTPFields

    subscript(key: String) -> Any? { json[key] }
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
}

/// Drives the real router in-process on a fresh store, with a test clock.
struct APIHarness {
    let client: any TestClientProtocol
    let store: SQLStore
    let clock: TestClock

    static let localizer = try! Localizer.bundled()

    static func run(
        _ kind: StoreKind, at start: Date = Shanghai.date("2026-11-20 16:00"),
        _ body: @Sendable (APIHarness) async throws -> Void
    ) async throws {
        let clock = TestClock(start)
        PasswordHashing.useCost(4)
        PasswordHashing.useVerifyQueue(limit: 100_000)
        try await TestStores.with(kind) { store in
            let router = HelpdeskApp.router(store: store, clock: AppClock { clock.now }, localizer: localizer)
            let app = Application(router: router)
            try await app.test(.router) { client in
                try await body(APIHarness(client: client, store: store, clock: clock))
            }
        }
    }

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
        language: String? = nil, ifMatch: String? = nil
    ) async throws -> APIResponse {
        var headers = HTTPFields()
        if let ifMatch { headers[.ifMatch] = ifMatch }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let language { headers[.acceptLanguage] = language }
        headers[.contentType] = "application/json"
        var buffer: ByteBuffer?
        if let json { buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)) }
        if let raw { buffer = ByteBuffer(string: raw) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            let data = Data(buffer: response.body)
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return APIResponse(status: response.status, json: object, headers: response.headers)
        }
    }

    func token(_ username: String, _ password: String = TestStores.adminPassword) async throws -> String {
        let response = try await call(.post, "/api/v1/auth/token", json: ["username": username, "password": password])
        guard let token = response["token"] as? String else {
            throw HarnessError.signInFailed(username, response.status)
        }
        return token
    }

    /// Creates a user through the admin API and signs them in.
    func signUp(
        _ username: String, role: String, tier: String? = nil, groups: [Int64] = [], admin: String,
        external: Bool = false, department: String? = nil, email: String? = nil
    ) async throws -> (id: Int64, token: String) {
        var body: [String: Any] = [
            "username": username, "displayName": username == "xiaoming" ? "王小明" : username, "role": role,
            "password": TestStores.adminPassword, "groupIds": groups, "external": external, "phone": "13900001234",
        ]
        if let tier { body["tier"] = tier }
        if let department { body["department"] = department }
        if let email { body["email"] = email }
        let created = try await call(.post, "/api/v1/users", token: admin, json: body)
        guard created.status == .created, let id = created["id"] as? Int else {
            throw HarnessError.signInFailed(username, created.status)
        }
        return (Int64(id), try await token(username))
    }
}

extension APIHarness {
    /// The VPN ticket the masking tests look at: category 6 (group 1), contact `13812345678`.
    func submitVPNTicket(_ token: String) async throws -> String {
        let created = try await call(
            .post, "/api/v1/tickets", token: token,
            json: [
                "title": "VPN 连不上", "description": "在家无法连接公司 VPN", "impact": "low", "urgency": "medium",
                "categoryId": 6, "contact": "13812345678",
            ])
        guard let number = (created["ticket"] as? [String: Any])?["number"] as? String else {
            throw HarnessError.submitFailed(created.status)
        }
        return number
    }
}

enum HarnessError: Error {
    case signInFailed(String, HTTPResponse.Status)
    case submitFailed(HTTPResponse.Status)
}

/// ISO 8601 timestamps as the API writes them.
func iso(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
}
