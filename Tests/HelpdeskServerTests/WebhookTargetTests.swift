import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// R9 hardening: a webhook cannot be aimed at the server itself or the internal network unless
/// an administrator allows it.
@Suite("Webhook targets on internal addresses")
struct WebhookTargetTests {
    @Test(
        "internal targets are refused with 422 internal_address until the setting allows them",
        arguments: TestStores.kinds)
    func refusedUntilAllowed(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            for url in [
                "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/x",
                "http://169.254.169.254/latest",
                "http://10.1.2.3/hook", "http://192.168.0.5:9000/im",
            ] {
                let refused = try await api.call(
                    .post, "/api/v1/admin/webhooks", token: admin, json: ["name": "内网", "url": url], language: "en")
                #expect(refused.status == .unprocessableContent && refused.errorCode == "internal_address", "\(url)")
                #expect(refused.errorMessage?.contains("an administrator can allow that") == true)
            }
            #expect(try await api.store.webhooks().isEmpty)
            let external = try await api.call(
                .post, "/api/v1/admin/webhooks", token: admin,
                json: ["name": "飞书", "url": "https://open.feishu.cn/hook"])
            #expect(external.status == .created)
            let allow = try await api.call(
                .put, "/api/v1/settings", token: admin, json: ["allowInternalWebhookTargets": true])
            #expect(allow.status == .ok && allow["allowInternalWebhookTargets"] as? Bool == true)
            let allowed = try await api.call(
                .post, "/api/v1/admin/webhooks", token: admin, json: ["name": "内网", "url": "http://10.1.2.3/hook"])
            #expect(allowed.status == .created)
        }
    }

    @Test("a delivery to an internal address is refused at send time once the setting is off again")
    func refusedAtDelivery() async throws {
        try await TestStores.with(.sqlite) { store in
            var settings = try await store.deskSettings()
            settings.allowInternalWebhookTargets = true
            try await store.saveDeskSettings(settings, now: Date())
            let hook = try await store.saveWebhook(
                Webhook(name: "内网", url: "http://127.0.0.1:9/hook", secret: "0123456789abcdef"), now: Date())
            settings.allowInternalWebhookTargets = false
            try await store.saveDeskSettings(settings, now: Date())
            let channel = WebhookChannel(store: store, timeout: 2, now: { Date() })
            let delivery = try JSONDecoder().decode(
                Delivery.self,
                from: Data(
                    """
                    {"id": 1, "channel": "webhook", "webhookId": \(hook.id), "target": "\(hook.url)", "event": "assigned",
                     "payload": "{}", "status": "pending", "attempts": 0, "nextAttemptAt": 0, "createdAt": 0}
                    """.utf8))
            await #expect(throws: DeliveryFailure.self) { _ = try await channel.send(delivery) }
            #expect(try await HostAddresses.resolve("localhost").contains(where: InternalAddress.isInternal))
        }
    }
}
