import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("R9.2 masking in every representation")
struct PersonalDataMaskingAPITests {
    @Test("R9.2 the history masks an external requester's name for an agent of the group", arguments: TestStores.kinds)
    func eventsMasked(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let groupAgent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let handler = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let assigned = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                json: ["action": "assign", "assigneeId": handler.id])
            #expect(assigned.status == .ok)
            // when
            let asGroupAgent = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: groupAgent.token)
            let asHandler = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: handler.token)
            let asOwner = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: owner.token)
            // then
            let byOwner = { (response: APIResponse) in
                response.items.filter { $0["actorId"] as? Int == Int(owner.id) }.map { $0["actorName"] as? String }
            }
            #expect(byOwner(asGroupAgent) == ["王小*"])
            #expect(byOwner(asHandler) == ["王小明"])
            #expect(byOwner(asOwner) == ["王小明"])
            // the web page shows the same history to the same agent
            let browser = WebBrowser(api)
            try await browser.signIn("ops")
            let page = try await browser.get("/tickets/\(number)")
            #expect(page.status == .ok)
            #expect(page.html.contains("王小*") && !page.html.contains("王小明"))
        }
    }

    @Test("R9.2 agents listing users see staff in full and requesters masked", arguments: TestStores.kinds)
    func usersMasked(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let external = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let employee = try await api.signUp("zhang", role: "requester", admin: admin)
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            for id in [external.id, employee.id] {
                let current = try await api.call(.get, "/api/v1/users/\(id)", token: admin)
                var body = current.json
                body["email"] = "wang.xm@example.cn"
                body["employeeNumber"] = "E20261234"
                #expect(try await api.call(.put, "/api/v1/users/\(id)", token: admin, json: body).status == .ok)
            }
            // when
            let listed = try await api.call(.get, "/api/v1/users", token: agent.token)
            let byId = Dictionary(uniqueKeysWithValues: listed.items.map { ($0["id"] as! Int, $0) })
            // then
            let shownExternal = byId[Int(external.id)]!
            #expect(shownExternal["displayName"] as? String == "王小*")
            #expect(shownExternal["phone"] as? String == "*1234")
            #expect(shownExternal["email"] as? String == "w*@example.cn")
            #expect(shownExternal["employeeNumber"] as? String == "*1234")
            let shownEmployee = byId[Int(employee.id)]!
            #expect(shownEmployee["displayName"] as? String == "zhang")
            #expect(shownEmployee["phone"] as? String == "*1234")
            let shownStaff = byId[Int(agent.id)]!
            #expect(shownStaff["phone"] as? String == "13900001234")
            let one = try await api.call(.get, "/api/v1/users/\(external.id)", token: agent.token)
            #expect(one["phone"] as? String == "*1234")
            // the person themselves and an admin see everything
            let own = try await api.call(.get, "/api/v1/users/\(external.id)", token: external.token)
            #expect(own["phone"] as? String == "13900001234" && own["displayName"] as? String == "王小明")
            let asAdmin = try await api.call(.get, "/api/v1/users", token: admin)
            #expect(asAdmin.items.first { $0["id"] as? Int == Int(external.id) }?["phone"] as? String == "13900001234")
        }
    }
}
