import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// The defects a code review of the API and the web UI found (issue #9, section 3), each
/// pinned through the HTTP faces a user would hit it on.
@Suite("Review defects")
struct ReviewDefectsAPITests {
    /// A ticket of `requester` handled by `agent`, in progress.
    static func ticketInProgress(_ api: APIHarness, admin: String, requester: String, agent: (id: Int64, token: String))
        async throws -> String
    {
        let created = try await api.call(
            .post, "/api/v1/tickets", token: requester,
            json: [
                "title": "数据库迁移", "description": "需要停机迁移数据库", "impact": "medium", "urgency": "medium",
                "contact": "8001",
            ])
        let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String)
        _ = try await api.call(
            .post, "/api/v1/tickets/\(number)/transitions", token: admin,
            json: ["action": "assign", "assigneeId": agent.id])
        _ = try await api.call(
            .post, "/api/v1/tickets/\(number)/transitions", token: agent.token, json: ["action": "accept"])
        return number
    }

    @Test(
        "R4.8 an escalated ticket keeps its pending approval: still blocked, and the decision sends it to the new tier's queue",
        arguments: TestStores.kinds)
    func escalationCarriesApproval(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given a change waiting for the requester's approval
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let number = try await Self.ticketInProgress(api, admin: admin, requester: requester.token, agent: agent)
            let path = "/api/v1/tickets/\(number)"
            let asked = try await api.call(.post, path + "/approval", token: agent.token, json: ["change": "周六停机迁移"])
            #expect(asked["status"] as? String == "blocked")
            // when the handler escalates it
            let escalated = try await api.call(
                .post, path + "/transitions", token: agent.token, json: ["action": "escalate", "reason": "需要DBA"])
            // then it is still blocked, at L2, and the approval still pending
            #expect(escalated.status == .ok)
            #expect(escalated["status"] as? String == "blocked" && escalated["tier"] as? String == "L2")
            #expect((escalated["approval"] as? [String: Any])?["status"] as? String == "pending")
            // and the decision puts it in L2's queue, not back to work with nobody on it
            let decided = try await api.call(
                .post, path + "/approval/decision", token: requester.token, json: ["approve": true])
            #expect(decided.status == .ok)
            #expect(decided["status"] as? String == "new" && decided["assigneeId"] == nil)
        }
    }

    @Test(
        "R1.1 an agent who records a phone request routed to another group can open it and its acknowledgement",
        arguments: TestStores.kinds)
    func creatorSeesWhatTheyRecorded(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given an agent of one group and a category routed to another
            let admin = try await api.token("admin")
            let categories = try await api.call(.get, "/api/v1/categories", token: admin).items
            let routed = try #require(categories.first { $0["defaultGroupId"] as? Int != nil && $0["parentId"] == nil })
            let routedGroup = try #require(routed["defaultGroupId"] as? Int)
            let groups = try await api.call(.get, "/api/v1/groups", token: admin).items
            let other = try #require(groups.compactMap { $0["id"] as? Int }.first { $0 != routedGroup })
            let agent = try await api.signUp("li", role: "agent", tier: "L1", groups: [Int64(other)], admin: admin)
            // when the agent records a call for someone without an account
            let created = try await api.call(
                .post, "/api/v1/tickets", token: agent.token,
                json: [
                    "title": "打印机卡纸", "description": "三楼打印机卡纸", "impact": "low", "urgency": "low",
                    "contact": "13812345678",
                    "categoryId": routed["id"] as Any, "requester": ["name": "张三", "department": "财务部"],
                ])
            #expect(created.status == .created)
            let ticket = try #require(created["ticket"] as? [String: Any])
            #expect(ticket["groupId"] as? Int == routedGroup && ticket["channel"] as? String == "phone")
            let number = try #require(ticket["number"] as? String)
            // then the agent can read it back, on the API and on the acknowledgement page
            let read = try await api.call(.get, "/api/v1/tickets/\(number)", token: agent.token)
            #expect(read.status == .ok && read["number"] as? String == number)
            let browser = WebBrowser(api)
            _ = try await browser.signIn("li")
            let page = try await browser.get("/tickets/\(number)/submitted")
            #expect(page.status == .ok && page.html.contains(number))
            // and another agent of that group still cannot
            let outsider = try await api.signUp("wang", role: "agent", tier: "L1", groups: [Int64(other)], admin: admin)
            #expect(try await api.call(.get, "/api/v1/tickets/\(number)", token: outsider.token).status == .notFound)
        }
    }

    @Test(
        "R4.9 a closed ticket refuses ratings, breach causes, lead groups, collaboration answers and files",
        arguments: TestStores.kinds)
    func closedTicketIsFinal(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given a ticket with an open question to another group, then closed as out of scope
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let groups = try await api.call(.get, "/api/v1/groups", token: admin).items
            let group = try #require(groups.first?["id"] as? Int)
            let collaborator = try await api.signUp(
                "ops", role: "agent", tier: "L2", groups: [Int64(group)], admin: admin)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": "申请新电脑", "description": "入职新电脑", "impact": "low", "urgency": "low", "contact": "8001",
                ])
            let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            let path = "/api/v1/tickets/\(number)"
            let asked = try await api.call(
                .post, path + "/collaborators", token: admin,
                json: ["groupId": group, "contact": "运维", "question": "有库存吗"])
            #expect(asked.status == .ok)
            let closed = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "close", "reason": "不属于服务范围"])
            #expect(closed["status"] as? String == "closed")
            // when anyone changes it, then 409 ticket_closed and nothing is written
            let refused = [
                try await api.call(.put, path + "/breach-cause", token: admin, json: ["cause": "厂商延误"]),
                try await api.call(.put, path + "/lead-group", token: admin, json: ["groupId": group]),
                try await api.call(
                    .post, path + "/collaborators/1/answer", token: collaborator.token, json: ["answer": "有"]),
                try await api.call(
                    .post, path + "/transitions", token: requester.token,
                    json: [
                        "action": "rate", "satisfaction": ["level": "satisfied", "score": 5],
                    ]),
            ]
            for response in refused { #expect(response.status == .conflict && response.errorCode == "ticket_closed") }
            let browser = WebBrowser(api)
            _ = try await browser.signIn("admin")
            let page = try await browser.get("/tickets/\(number)")
            let upload = try await browser.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": page.csrf ?? ""],
                file: ("log.txt", "text/plain", Array("x".utf8)))
            #expect(upload.status == .conflict)
            let after = try await api.call(.get, path, token: admin)
            #expect(after["version"] as? Int == closed["version"] as? Int)
            #expect(try await api.store.attachments(ticketId: Int64(after["id"] as! Int)).isEmpty)
        }
    }

    @Test(
        "R4.8 approvers are the requester or a manager; anyone else is refused before they learn of the change",
        arguments: TestStores.kinds)
    func approverMustBeRequesterOrManager(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let bystander = try await api.signUp("zhao", role: "requester", admin: admin)
            let colleague = try await api.signUp("wang", role: "agent", tier: "L2", admin: admin)
            let boss = try await api.signUp("boss", role: "supervisor", admin: admin)
            let number = try await Self.ticketInProgress(api, admin: admin, requester: requester.token, agent: agent)
            let path = "/api/v1/tickets/\(number)/approval"
            for stranger in [bystander.id, colleague.id] {
                let refused = try await api.call(
                    .post, path, token: agent.token, json: ["change": "重装系统", "approverId": stranger])
                #expect(refused.status == .unprocessableContent && refused.errorCode == "invalid_value")
            }
            #expect(try await api.call(.get, "/api/v1/notifications", token: bystander.token).items.isEmpty)
            let accepted = try await api.call(
                .post, path, token: agent.token, json: ["change": "重装系统", "approverId": boss.id])
            #expect(accepted.status == .ok)
            #expect((accepted["approval"] as? [String: Any])?["approverId"] as? Int == Int(boss.id))
        }
    }

    @Test("R4.2 escalating to a named engineer checks they work at the new tier", arguments: TestStores.kinds)
    func escalationChecksAssigneeTier(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let peer = try await api.signUp("wang", role: "agent", tier: "L1", admin: admin)
            let expert = try await api.signUp("zhou", role: "agent", tier: "L2", admin: admin)
            let number = try await Self.ticketInProgress(api, admin: admin, requester: requester.token, agent: agent)
            let path = "/api/v1/tickets/\(number)/transitions"
            let refused = try await api.call(
                .post, path, token: agent.token, json: ["action": "escalate", "reason": "需要专家", "assigneeId": peer.id])
            #expect(refused.status == .unprocessableContent && refused.errorCode == "invalid_value")
            let escalated = try await api.call(
                .post, path, token: agent.token,
                json: ["action": "escalate", "reason": "需要专家", "assigneeId": expert.id])
            #expect(escalated["tier"] as? String == "L2" && escalated["assigneeId"] as? Int == Int(expert.id))
        }
    }

    @Test("R8.2 linking several tickets is all or nothing: one refused ticket links none", arguments: TestStores.kinds)
    func linkIsAtomic(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            var numbers: [String] = []
            for title in ["邮件系统宕机", "收不到邮件", "发不出邮件"] {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: admin,
                    json: [
                        "title": title, "description": title, "impact": "high", "urgency": "high", "contact": "8001",
                    ])
                numbers.append(try #require((created["ticket"] as? [String: Any])?["number"] as? String))
            }
            _ = try await api.call(.post, "/api/v1/tickets/\(numbers[0])/major-incident", token: admin)
            // The third is closed: it cannot be linked, so neither is the second.
            _ = try await api.call(
                .post, "/api/v1/tickets/\(numbers[2])/transitions", token: admin,
                json: ["action": "close", "reason": "重复"])
            let refused = try await api.call(
                .post, "/api/v1/tickets/\(numbers[0])/linked", token: admin,
                json: ["numbers": [numbers[1], numbers[2]]])
            #expect(refused.status == .conflict)
            #expect(try await api.call(.get, "/api/v1/tickets/\(numbers[0])/linked", token: admin).items.isEmpty)
            let linked = try await api.call(
                .post, "/api/v1/tickets/\(numbers[0])/linked", token: admin, json: ["numbers": [numbers[1]]])
            #expect(linked.items.map { $0["number"] as? String } == [numbers[1]])
        }
    }

    @Test("R1.2 a ticket submitted on the web with a file is stored with it in one step", arguments: TestStores.kinds)
    func webIntakeStoresFilesWithTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let browser = WebBrowser(api)
            _ = try await browser.signIn("xiaoming")
            let form = try await browser.get("/new")
            let fields = [
                "_csrf": form.csrf ?? "", "type": "fault", "title": "蓝屏", "description": "开机蓝屏", "contact": "8001",
                "impact": "medium", "urgency": "medium",
            ]
            let submitted = try await browser.postMultipart(
                "/new", fields, file: ("截图.png", "image/png", [0x89, 0x50, 0x4E, 0x47]))
            #expect(submitted.status == .seeOther)
            let number = try #require(submitted.location?.split(separator: "/").dropFirst().first.map(String.init))
            let ticket = try #require(try await api.store.ticket(number: number))
            let files = try await api.store.attachments(ticketId: ticket.id)
            #expect(files.map(\.filename) == ["截图.png"] && files[0].uploadedBy == ticket.createdById)
        }
    }

    @Test(
        "switching language keeps an administrator's change made meanwhile on another instance",
        arguments: TestStores.kinds)
    func languageSwitchKeepsAdminChanges(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given a signed-in agent whose session this instance has cached
            let admin = try await api.token("admin")
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let browser = WebBrowser(api)
            _ = try await browser.signIn("li")
            let queue = try await browser.get("/queues/mine")
            // when an admin on another instance (its own caches, same database) makes them a supervisor,
            let other = SQLStore(database: api.store.database)
            var promoted = try #require(try await other.user(id: agent.id))
            promoted.role = .supervisor
            promoted.tier = nil
            promoted.displayName = "李工"
            _ = try await other.updateUser(promoted, passwordHash: nil)
            // and they then switch to English here
            _ = try await browser.post("/lang", ["_csrf": queue.csrf ?? "", "locale": "en", "back": "/"])
            // then both changes are kept
            let user = try #require(try await other.user(id: agent.id))
            #expect(user.role == .supervisor && user.displayName == "李工" && user.locale == "en")
        }
    }

    @Test(
        "concurrent creates of one username: one succeeds, the others get 409, none a 500", arguments: TestStores.kinds)
    func duplicateRaceIsConflict(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        Int(
                            try await api.call(
                                .post, "/api/v1/users", token: admin,
                                json: [
                                    "username": "same", "displayName": "同名", "role": "requester",
                                    "password": TestStores.adminPassword,
                                ]
                            ).status.code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 7)
        }
    }

    @Test("saving a user on the admin page keeps the fields it shows, region included", arguments: TestStores.kinds)
    func adminFormKeepsRegion(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let created = try await api.call(
                .post, "/api/v1/users", token: admin,
                json: [
                    "username": "zhang", "displayName": "张三", "role": "requester", "password": TestStores.adminPassword,
                    "region": "华东", "department": "财务部",
                ])
            let id = try #require(created["id"] as? Int)
            let browser = WebBrowser(api)
            _ = try await browser.signIn("admin")
            let form = try await browser.get("/admin/users/\(id)")
            #expect(form.html.contains("name=\"region\" value=\"华东\""))
            // The browser posts the form as shown.
            let saved = try await browser.post(
                "/admin/users/\(id)",
                [
                    "_csrf": form.csrf ?? "", "username": "zhang", "displayName": "张三", "role": "requester",
                    "region": "华东", "department": "财务部", "locale": "zh-CN", "active": "on",
                ])
            #expect(saved.status == .seeOther)
            let user = try #require(try await api.store.user(id: Int64(id)))
            #expect(user.region == "华东" && user.department == "财务部")
        }
    }

    @Test(
        "R3.4 R7.1 the supervisor's overdue list shows each breached ticket's 延期原因, or that none is recorded yet",
        arguments: TestStores.kinds)
    func overdueListShowsBreachCauses(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given two tickets past their response target, one with its cause recorded
            let admin = try await api.token("admin")
            var numbers: [String] = []
            for title in ["报表导出失败", "打印机无法连接"] {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: admin,
                    json: [
                        "title": title, "description": title, "impact": "low", "urgency": "low", "contact": "8001",
                    ])
                numbers.append(try #require((created["ticket"] as? [String: Any])?["number"] as? String))
            }
            api.clock.set(Shanghai.date("2026-11-27 10:00"))
            let recorded = try await api.call(
                .put, "/api/v1/tickets/\(numbers[0])/breach-cause", token: admin, json: ["cause": "等待厂商补丁"])
            #expect(recorded.status == .ok)
            // when the supervisor opens the overdue list
            let browser = WebBrowser(api)
            _ = try await browser.signIn("admin")
            let page = try await browser.get("/supervisor/overdue")
            // then both are listed, with the cause or the note that it is missing
            #expect(page.status == .ok && numbers.allSatisfy(page.html.contains))
            #expect(page.html.contains("<th scope=\"col\">延期原因</th>"))
            #expect(page.html.contains("<td class=\"breach-cause\">等待厂商补丁</td>"))
            #expect(page.html.contains("<td class=\"breach-cause\"><span class=\"muted\">未填写</span></td>"))
            // and the agents' overdue queue has no such column
            #expect(try await browser.get("/queues/overdue").html.contains("breach-cause") == false)
        }
    }

    @Test("a too-long English name is refused, not silently dropped", arguments: TestStores.kinds)
    func longEnglishNameRefused(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let long = String(repeating: "x", count: 51)
            let group = try await api.call(
                .post, "/api/v1/groups", token: admin, json: ["name": "值班组", "nameEn": long])
            #expect(group.status == .unprocessableContent && group.errorCode == "invalid_value")
            let category = try await api.call(
                .post, "/api/v1/categories", token: admin, json: ["name": "门禁", "nameEn": long])
            #expect(category.status == .unprocessableContent && category.errorCode == "invalid_value")
            let kept = try await api.call(
                .post, "/api/v1/groups", token: admin, json: ["name": "值班组", "nameEn": " On duty "])
            #expect(kept.status == .created && kept["nameEn"] as? String == "On duty")
        }
    }

    @Test(
        "the user list filters on one role; a list of roles is refused, not cut to its first",
        arguments: TestStores.kinds)
    func userListTakesOneRole(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let admins = try await api.call(.get, "/api/v1/users?role=admin", token: admin)
            #expect(admins.items.map { $0["username"] as? String } == ["admin"])
            let two = try await api.call(.get, "/api/v1/users?role=admin,agent", token: admin)
            #expect(two.status == .badRequest && two.errorCode == "invalid_parameter")
            #expect(try await api.call(.get, "/api/v1/users?role=", token: admin).status == .ok)
        }
    }
}
