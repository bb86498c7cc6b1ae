import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Department visibility for requesters")
struct DepartmentVisibilityTests {
    @Test(
        "R9.1 with the setting on, a requester reads (never changes) their department's tickets, masked",
        arguments: TestStores.kinds)
    func departmentTickets(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let alice = try await api.signUp("alice", role: "requester", admin: admin, department: "销售部")
            let bob = try await api.signUp("bob", role: "requester", admin: admin, department: "销售部")
            let carol = try await api.signUp("carol", role: "requester", admin: admin, department: "财务部")
            let dave = try await api.signUp("dave", role: "requester", admin: admin)
            let sales = try await api.submitVPNTicket(alice.token)
            let finance = try await api.submitVPNTicket(carol.token)
            func numbers(_ token: String) async throws -> Set<String> {
                Set(
                    try await api.call(.get, "/api/v1/tickets", token: token).items.compactMap {
                        $0["number"] as? String
                    })
            }
            // off by default: everyone sees their own only
            #expect(try await numbers(bob.token).isEmpty)
            #expect(try await api.call(.get, "/api/v1/tickets/\(sales)", token: bob.token).status == .notFound)

            let saved = try await api.call(
                .put, "/api/v1/settings", token: admin, json: ["requestersSeeDepartment": true])
            #expect(saved["requestersSeeDepartment"] as? Bool == true)
            #expect(try await numbers(bob.token) == [sales])
            #expect(try await numbers(alice.token) == [sales])
            #expect(try await numbers(carol.token) == [finance])
            #expect(try await numbers(dave.token).isEmpty)
            let read = try await api.call(.get, "/api/v1/tickets/\(sales)", token: bob.token)
            #expect(read.status == .ok && read["contact"] as? String == "*5678")
            #expect(read["personalDataMasked"] as? Bool == true && read["availableActions"] as? [String] == [])
            // reading is all: a colleague's reply or confirmation is refused as if the ticket were not there
            let reply = try await api.call(
                .post, "/api/v1/tickets/\(sales)/worklog", token: bob.token, json: ["body": "我也遇到了"])
            #expect(reply.status == .notFound)
            #expect(try await api.call(.get, "/api/v1/tickets/\(finance)", token: bob.token).status == .notFound)

            // the web: the colleague's ticket is listed on 我的工单 and opens without forms
            let browser = WebBrowser(api)
            try await browser.signIn("bob")
            let own = try await browser.get("/my")
            #expect(!own.html.contains("/tickets/\(sales)\"") && own.html.contains("id=\"department-toggle\""))
            #expect(try await browser.get("/my?scope=department").html.contains("/tickets/\(sales)\""))
            let page = try await browser.get("/tickets/\(sales)")
            #expect(page.status == .ok && !page.html.contains("id=\"reply-form\""))
        }
    }
}
