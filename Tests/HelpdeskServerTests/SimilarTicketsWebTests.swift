import Foundation
import HelpdeskTestSupport
import Testing

@Suite("Web: similar open tickets on the intake form (R6.3)")
struct SimilarTicketsWebTests {
    @Test(
        "staff recording a call see the open tickets like it, with and without JavaScript, and link a major incident",
        arguments: TestStores.kinds)
    func intake(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let incident = try await api.submitVPNTicket(requester.token)
            #expect(try await api.call(.post, "/api/v1/tickets/\(incident)/major-incident", token: admin).status == .ok)
            let desk = WebBrowser(api)
            _ = try await desk.signIn("admin")
            let form = try await desk.get("/new")
            #expect(form.html.contains("id=\"similar-box\"") && form.html.contains("data-similar=\"/new/similar\""))
            // what app.js fetches as the title is typed
            let q = "VPN 连不上".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let fragment = try await desk.get("/new/similar?q=\(q)")
            #expect(fragment.status == .ok && fragment.html.contains("/tickets/\(incident)"), "\(fragment.html)")
            #expect(fragment.html.contains("name=\"majorIncident\" value=\"\(incident)\""))
            #expect(fragment.html.contains("重大事件") && fragment.html.contains("<mark>"))
            // the status in the reader's language, not its catalogue key
            #expect(fragment.html.contains("<span class=\"badge\">待处理</span>") && !fragment.html.contains("ui.status"))
            let nothing = try await desk.get(
                "/new/similar?q=\("打印机".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(nothing.html.contains("id=\"no-similar\""))
            // without JavaScript: the "look for answers" button shows them in the form
            var fields = [
                "_csrf": try #require(form.csrf), "type": "fault", "title": "VPN 连不上", "description": "同事在家也连不上 VPN",
                "impact": "medium", "urgency": "medium", "contact": "8001", "categoryId": "6",
                "requesterName": "李雷", "channel": "phone",
            ]
            fields["intent"] = "suggest"
            let looked = try await desk.post("/new", fields)
            #expect(looked.status == .ok && looked.html.contains("value=\"\(incident)\""), "\(looked.html)")
            // submitted with the incident ticked: the new ticket is its duplicate
            fields["intent"] = nil
            fields["majorIncident"] = incident
            let created = try await desk.post("/new", fields)
            let number = String(
                try #require(created.location, "\(created.html)").dropFirst("/tickets/".count).dropLast(
                    "/submitted".count))
            let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(ticket["majorIncidentNumber"] as? String == incident, "\(ticket.json)")
            // requesters see no such section and may not ask
            let portal = WebBrowser(api)
            _ = try await portal.signIn("xiaoming")
            #expect(try await !portal.get("/new").html.contains("similar-box"))
            #expect(try await portal.get("/new/similar?q=\(q)").status == .forbidden)
        }
    }
}
