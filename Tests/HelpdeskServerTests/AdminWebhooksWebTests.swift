import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Admin → Webhooks on the web: the forms, the delivery log and retry")
struct AdminWebhooksWebTests {
    static func signedInAdmin(_ api: APIHarness) async throws -> (WebBrowser, String) {
        let browser = try await WebBrowser.signedIn(api)
        let page = try await browser.get("/admin/webhooks")
        return (browser, try #require(page.csrf))
    }

    @Test(
        "an admin adds a webhook and sees its secret once, edits its events, is told what is wrong with a bad URL, deletes it",
        arguments: TestStores.kinds)
    func forms(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let (browser, csrf) = try await Self.signedInAdmin(api)
            #expect(try await browser.get("/admin/webhooks").html.contains("尚未配置 Webhook"))

            // when: added, subscribed to one event
            let created = try await browser.post(
                "/admin/webhooks",
                [
                    "_csrf": csrf, "name": "IM 机器人", "url": "https://im.example.com/hook", "events": "assigned",
                    "active": "on",
                ])

            // then: stored, the generated secret shown on this page only
            let hook = try #require(try await api.store.webhooks().first)
            #expect(hook.name == "IM 机器人" && hook.events == ["assigned"] && hook.active && hook.secret.count >= 16)
            #expect(created.status == .ok && created.html.contains("id=\"created-secret\""))
            #expect(created.html.contains("value=\"\(hook.secret)\""))
            let list = try await browser.get("/admin/webhooks")
            #expect(list.html.contains("href=\"/admin/webhooks/\(hook.id)\"") && list.html.contains("工单分派"))
            #expect(!list.html.contains(hook.secret) && !list.html.contains("created-secret"))
            let form = try await browser.get("/admin/webhooks/\(hook.id)")
            #expect(form.html.contains("value=\"assigned\" checked") && !form.html.contains(hook.secret))
            #expect(form.html.contains("action=\"/admin/webhooks/\(hook.id)/delete\""))

            // when: edited without a secret: two events, another URL, inactive
            let saved = try await browser.post(
                "/admin/webhooks/\(hook.id)",
                pairs: [
                    ("_csrf", csrf), ("name", "IM 机器人"), ("url", "https://im.example.com/v2"), ("events", "resolved"),
                    ("events", "p0_alert"),
                ])
            // then: saved, the secret kept
            #expect(saved.status == .seeOther && saved.location == "/admin/webhooks")
            let edited = try #require(try await api.store.webhooks().first)
            #expect(edited.url == "https://im.example.com/v2" && Set(edited.events) == ["resolved", "p0_alert"])
            #expect(!edited.active && edited.secret == hook.secret)

            // when: a URL that is not http(s), and one inside the network
            let bad = try await browser.post(
                "/admin/webhooks", ["_csrf": csrf, "name": "坏地址", "url": "ftp://files.example.com/x"])
            let insider = try await browser.post(
                "/admin/webhooks?lang=en", ["_csrf": csrf, "name": "Internal", "url": "http://10.0.0.5/hook"])
            // then: the form again, with the posted values and what is wrong, named by its label
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("id=\"webhook-error\"") && bad.html.contains("字段 接收地址（URL） 的值无效"))
            #expect(bad.html.contains("value=\"ftp://files.example.com/x\"") && bad.html.contains("value=\"坏地址\""))
            #expect(insider.status == .unprocessableContent)
            #expect(insider.html.contains("Receiver URL points to an internal"))
            #expect(try await api.store.webhooks().count == 1)

            // when: deleted
            let deleted = try await browser.post("/admin/webhooks/\(hook.id)/delete", ["_csrf": csrf])
            // then
            #expect(deleted.location == "/admin/webhooks")
            #expect(try await api.store.webhooks().isEmpty)
            #expect(try await browser.post("/admin/webhooks/\(hook.id)/delete", ["_csrf": csrf]).status == .notFound)
            let entries = try await api.store.auditEntries(AuditQuery())
            #expect(entries.filter { $0.action == .webhookSaved }.count == 2)
            #expect(entries.contains { $0.action == .webhookDeleted })
        }
    }

    @Test(
        "the delivery log shows status, attempts and errors, filters by webhook, pages to older ones, and retries a failed one",
        arguments: TestStores.kinds)
    func deliveryLog(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: two webhooks, two assigned tickets (four deliveries), one failed for good
            let store = api.store
            let now = api.clock.now
            let first = try await store.saveWebhook(
                Webhook(
                    name: "IM 机器人", url: "https://im.example.com/hook", secret: String(repeating: "s", count: 20),
                    events: ["assigned"]), now: now)
            let second = try await store.saveWebhook(
                Webhook(
                    name: "监控平台", url: "https://ops.example.com/hook", secret: String(repeating: "t", count: 20),
                    events: ["assigned"]), now: now)
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            for _ in 0..<2 {
                let number = try await api.submitVPNTicket(requester.token)
                try await api.call(
                    .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                    json: ["action": "assign", "assigneeId": 1])
            }
            _ = try await store.dispatchNotifications(now: now, limit: 10, email: false)
            let claimed = try await store.claimDeliveries(now: now, limit: 10, lease: 120)
            #expect(claimed.count == 4)
            let failed = try #require(claimed.first { $0.webhookId == first.id })
            for delivery in claimed {
                try await store.finishDelivery(
                    id: delivery.id,
                    outcome: delivery.id == failed.id
                        ? .failed(status: 502, error: "HTTP 502", retryAt: nil) : .delivered(status: 200),
                    now: now)
            }
            let (browser, csrf) = try await Self.signedInAdmin(api)
            func rows(_ html: String) -> Int { html.components(separatedBy: "<tr id=\"delivery-").count - 1 }

            // when
            let all = try await browser.get("/admin/webhooks")
            let filtered = try await browser.get("/admin/webhooks?webhookId=\(second.id)")
            let page = try await browser.get("/admin/webhooks?limit=3")
            let older = try await browser.get("/admin/webhooks?limit=3&before=\(claimed.map(\.id).sorted()[1])")

            // then
            #expect(rows(all.html) == 4)
            #expect(all.html.contains("id=\"retry-\(failed.id)\"") && all.html.contains("HTTP 502"))
            #expect(all.html.components(separatedBy: "id=\"retry-").count == 2, "only the failed one can be retried")
            #expect(all.html.contains("已送达") && all.html.contains("失败") && all.html.contains("监控平台"))
            #expect(rows(filtered.html) == 2 && !filtered.html.contains("id=\"delivery-\(failed.id)\""))
            #expect(filtered.html.contains("<option value=\"\(second.id)\" selected>"))
            #expect(rows(page.html) == 3 && page.html.contains("id=\"deliveries-older\""))
            #expect(page.html.contains("limit=3&amp;before="))
            #expect(rows(older.html) == 1 && !older.html.contains("id=\"deliveries-older\""))

            // when: retried from the log
            let retried = try await browser.post(
                "/admin/deliveries/\(failed.id)/retry", ["_csrf": csrf, "webhookId": String(first.id)])
            // then: back on that webhook's log, pending again, no button any more
            #expect(
                retried.status == .seeOther && retried.location == "/admin/webhooks?webhookId=\(first.id)#deliveries")
            #expect(try await store.delivery(id: failed.id)?.status == .pending)
            let after = try await browser.get("/admin/webhooks?webhookId=\(first.id)")
            #expect(!after.html.contains("id=\"retry-") && after.html.contains("等待发送"))
            let twice = try await browser.post("/admin/deliveries/\(failed.id)/retry", ["_csrf": csrf])
            #expect(twice.status == .conflict && twice.html.contains("只有发送失败的投递才能重试"))
            #expect(try await browser.post("/admin/deliveries/\(failed.id)/retry", [:]).status == .forbidden)
            // and a supervisor has no such page
            _ = try await api.signUp("boss", role: "supervisor", admin: admin)
            let boss = try await WebBrowser.signedIn(api, as: "boss")
            #expect(try await boss.get("/admin/webhooks").status == .forbidden)
        }
    }
}
