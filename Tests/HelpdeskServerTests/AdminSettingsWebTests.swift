import Foundation
import HelpdeskTestSupport
import Testing

@Suite("Web: the desk settings page")
struct AdminSettingsWebTests {
    @Test(
        "the settings form saves every field, recurring-problem detection included, and refuses a value out of range",
        arguments: TestStores.kinds)
    func save(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let boss = WebBrowser(api)
            _ = try await boss.signIn("admin")
            let page = try await boss.get("/admin/settings")
            #expect(
                page.html.contains("name=\"problemMinimumTickets\" type=\"number\" min=\"2\" max=\"50\" value=\"3\""))
            #expect(page.html.contains("name=\"problemWindowDays\" type=\"number\" min=\"1\" max=\"90\" value=\"7\""))
            var fields = [
                "_csrf": try #require(page.csrf), "format": "TS{yyyyMMdd}{seq:3}", "reopenDays": "10",
                "kbSeparateReviewer": "on", "problemMinimumTickets": "5", "problemWindowDays": "14",
            ]
            let saved = try await boss.post("/admin/settings", fields)
            #expect(saved.status == .seeOther, "\(saved.html)")
            let settings = try await api.store.deskSettings()
            #expect(settings.problemMinimumTickets == 5 && settings.problemWindowDays == 14)
            #expect(settings.reopenWindowDays == 10 && settings.kbSeparateReviewer && !settings.requestersSeeDepartment)
            fields["problemWindowDays"] = "120"
            let refused = try await boss.post("/admin/settings", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(try await api.store.deskSettings().problemWindowDays == 14)
        }
    }
}
