import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("R4.7 R9.2 collaborators see the ticket they were asked about")
struct CollaboratorAccessAPITests {
    @Test(
        "an engineer of the asked group opens the ticket in full while the question is open, not after",
        arguments: TestStores.kinds)
    func whileAsked(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a ticket of group 1, and an engineer of group 4
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let network = try await api.signUp("net", role: "agent", tier: "L2", groups: [4], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            #expect(try await api.call(.get, path, token: network.token).status == .notFound)
            // when the handler's side asks group 4
            let asked = try await api.call(
                .post, path + "/collaborators", token: admin,
                json: ["groupId": 4, "contact": "网络组值班", "question": "VPN 网关是否有告警？"])
            #expect(asked.status == .ok)
            // then
            let seen = try await api.call(.get, path, token: network.token)
            #expect(seen.status == .ok)
            #expect(seen["contact"] as? String == "13812345678")
            #expect((seen["requester"] as? [String: Any])?["name"] as? String == "王小明")
            // they answer, and change nothing else
            let worklog = try await api.call(.post, path + "/worklog", token: network.token, json: ["body": "看看"])
            #expect(worklog.status == .forbidden)
            let moved = try await api.call(
                .post, path + "/transitions", token: network.token,
                json: ["action": "assign", "assigneeId": network.id])
            #expect(moved.status == .forbidden)
            let browser = WebBrowser(api)
            try await browser.signIn("net")
            let page = try await browser.get("/tickets/\(number)")
            #expect(page.html.contains("send-answer-1") && !page.html.contains("id=\"worklog-form\""))
            #expect(!page.html.contains("id=\"actions\"") && !page.html.contains("id=\"ask-form\""))
            let answered = try await api.call(
                .post, path + "/collaborators/1/answer", token: network.token, json: ["answer": "网关正常，请检查客户端"])
            #expect(answered.status == .ok)
            #expect(try await api.call(.get, path, token: network.token).status == .notFound)
            // and the view while asked is in the audit log
            let trail = try await api.call(.get, "/api/v1/audit?actor=\(network.id)", token: admin).items
            #expect(trail.map { $0["action"] as? String } == ["ticket.viewed"])
        }
    }

    @Test("R9.5 files added to a ticket are in the audit log")
    func attachmentAudited() async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let browser = WebBrowser(api)
            try await browser.signIn("xiaoming")
            let page = try await browser.get("/tickets/\(number)")
            _ = try await browser.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": try #require(page.csrf)],
                file: (name: "vpn.log", type: "text/plain", data: Array("timeout\n".utf8)))
            let trail = try await api.call(.get, "/api/v1/audit?actor=\(owner.id)", token: admin).items
            #expect(trail.first?["action"] as? String == "attachment.added")
            #expect((trail.first?["detail"] as? [String: String]) == ["files": "1", "bytes": "8"])
            #expect(trail.first?["ticketNumber"] as? String == number)
        }
    }
}
