import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// R9 hardening: a webhook's signing secret is write-only. It is shown once when created,
/// never listed, and an update that leaves it out keeps it instead of replacing it.
@Suite("Webhook secrets are write-only")
struct WebhookSecretTests {
    @Test("shown once on create, never listed, kept by an update without one", arguments: TestStores.kinds)
    func secretIsWriteOnly(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let generated = try await api.call(
                .post, "/api/v1/admin/webhooks", token: admin,
                json: ["name": "IM 机器人", "url": "https://hooks.example.com/hook"])
            #expect(generated.status == .created)
            let secret = try #require(generated["secret"] as? String)
            #expect(secret.count >= 16)
            let chosen = try await api.call(
                .post, "/api/v1/admin/webhooks", token: admin,
                json: ["name": "工单同步", "url": "https://hooks.example.com/sync", "secret": "chosen-secret-0123456789"])
            #expect(chosen["secret"] as? String == "chosen-secret-0123456789")

            let listed = try await api.call(.get, "/api/v1/admin/webhooks", token: admin)
            let items = try #require(listed["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0["secret"] == nil && $0["name"] != nil })

            let id = try #require(generated["id"] as? Int)
            let renamed = try await api.call(
                .put, "/api/v1/admin/webhooks/\(id)", token: admin,
                json: ["name": "IM 机器人（新）", "url": "https://hooks.example.com/hook", "active": false])
            #expect(renamed.status == .ok && renamed["secret"] == nil && renamed["name"] as? String == "IM 机器人（新）")
            let stored = try await api.store.webhooks().first { $0.id == Int64(id) }
            #expect(stored?.secret == secret)
            #expect(stored?.active == false)

            let rotated = try await api.call(
                .put, "/api/v1/admin/webhooks/\(id)", token: admin,
                json: [
                    "name": "IM 机器人", "url": "https://hooks.example.com/hook", "secret": "rotated-secret-0123456789",
                ])
            #expect(rotated.status == .ok && rotated["secret"] == nil)
            #expect(try await api.store.webhooks().first { $0.id == Int64(id) }?.secret == "rotated-secret-0123456789")

            let missing = try await api.call(
                .put, "/api/v1/admin/webhooks/99999", token: admin,
                json: ["name": "x", "url": "https://hooks.example.com/x"])
            #expect(missing.status == .notFound && missing.errorCode == "not_found")
        }
    }
}
