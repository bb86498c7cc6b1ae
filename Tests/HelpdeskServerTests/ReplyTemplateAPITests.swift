import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Reply templates over the API (R8.1): the library, its editing by admins, a template filled in for a ticket")
struct ReplyTemplateAPITests {
    /// The ticket's running due time as the reply writes it: Shanghai local time.
    static func localDue(_ ticket: [String: Any]) throws -> String {
        let sla = try #require(ticket["sla"] as? [String: Any])
        let text = try #require(sla["responseDueAt"] as? String)
        let due = try #require(ISO8601DateFormatter().date(from: text))
        return LocalTimeText.format(due, in: Shanghai.timeZone)
    }

    @Test(
        "the default templates are there on a new desk, in both languages, and staff list them",
        arguments: TestStores.kinds)
    func defaults(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let listed = try await api.call(.get, "/api/v1/reply-templates", token: agent.token)
            #expect(listed.status == .ok)
            #expect(listed.items.count == Seeder.replyTemplates.count)
            #expect(listed.items.first?["name"] as? String == "已受理，正在处理")
            #expect(listed.items.allSatisfy { ($0["bodyEn"] as? String)?.isEmpty == false })
            // once per database: a second call adds nothing
            #expect(try await Seeder.seedReplyTemplates(api.store, now: Date()) == false)
            #expect(try await api.store.replyTemplates().count == Seeder.replyTemplates.count)
        }
    }

    @Test(
        "an admin adds, edits and deletes a template, audited; an unknown placeholder is refused with 422 naming it",
        arguments: TestStores.kinds)
    func editing(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = try await api.signUp("zhang", role: "requester", admin: admin)
            let body: [String: Any] = [
                "name": "  远程协助  ", "nameEn": "Remote help", "body": "{requester}您好，{handler} 将远程协助您处理 {number}。",
                "bodyEn": "Dear {requester}, {handler} will help you remotely with {number}.", "sortOrder": 5,
            ]

            // when: created
            let created = try await api.call(.post, "/api/v1/admin/reply-templates", token: admin, json: body)
            // then
            #expect(created.status == .created)
            #expect(created["name"] as? String == "远程协助" && created["active"] as? Bool == true)
            let id = try #require(created["id"] as? Int)

            // when: edited, deactivated
            var changed = body
            changed["active"] = false
            changed["body"] = "{requester}您好，我们将远程协助您。"
            let saved = try await api.call(.put, "/api/v1/admin/reply-templates/\(id)", token: admin, json: changed)
            // then: inactive ones are left out of the picker's list
            #expect(saved.status == .ok && saved["active"] as? Bool == false)
            let active = try await api.call(.get, "/api/v1/reply-templates?active=true", token: agent.token)
            #expect(!active.items.contains { $0["id"] as? Int == id })
            let all = try await api.call(.get, "/api/v1/reply-templates", token: agent.token)
            #expect(all.items.contains { $0["id"] as? Int == id })

            // when: a body with misspelt placeholders
            var typo = body
            typo["bodyEn"] = "Dear {requestor}, due {due time}."
            let refused = try await api.call(
                .post, "/api/v1/admin/reply-templates", token: admin, json: typo, language: "en")
            // then
            #expect(refused.status == .unprocessableContent && refused.errorCode == "unknown_placeholder")
            #expect(refused.errorMessage?.contains("{requestor}, {due time}") == true)
            #expect(refused.errorMessage?.contains("{workaround}") == true)
            let refusedZh = try await api.call(.post, "/api/v1/admin/reply-templates", token: admin, json: typo)
            #expect(refusedZh.errorMessage?.hasPrefix("回复模板中有未知的占位符") == true)

            // and: blank, too long, out of range; not an admin; unknown ids
            for (field, value) in [
                ("name", " " as Any), ("body", String(repeating: "长", count: 4001)), ("sortOrder", -1),
            ] {
                var bad = body
                bad[field] = value
                let response = try await api.call(.post, "/api/v1/admin/reply-templates", token: admin, json: bad)
                #expect(response.status == .unprocessableContent && response.errorCode == "invalid_value", "\(field)")
            }
            let missing = try await api.call(.post, "/api/v1/admin/reply-templates", token: admin, json: ["name": "x"])
            #expect(missing.status == .badRequest && missing.errorCode == "invalid_json")
            let byAgent = try await api.call(.post, "/api/v1/admin/reply-templates", token: agent.token, json: body)
            #expect(byAgent.status == .forbidden)
            let listByRequester = try await api.call(.get, "/api/v1/reply-templates", token: requester.token)
            #expect(listByRequester.status == .forbidden && listByRequester.errorCode == "forbidden")
            let unknown = try await api.call(.put, "/api/v1/admin/reply-templates/9999", token: admin, json: body)
            #expect(unknown.status == .notFound && unknown.errorCode == "not_found")

            // when: deleted
            let deleted = try await api.call(.delete, "/api/v1/admin/reply-templates/\(id)", token: admin)
            #expect(deleted.status == .noContent)
            let again = try await api.call(.delete, "/api/v1/admin/reply-templates/\(id)", token: admin)
            #expect(again.status == .notFound)

            // then: the changes are in the audit log, the refused ones are not
            let entries = try await api.store.auditEntries(AuditQuery())
            #expect(entries.filter { $0.action == .replyTemplateSaved }.count == 2)
            #expect(entries.filter { $0.action == .replyTemplateDeleted }.count == 1)
            #expect(entries.contains { $0.target == "reply_template:\(id)" && $0.action == .replyTemplateSaved })
        }
    }

    @Test(
        "a template filled in for a ticket: number, the external requester's name masked, the due time, in their language",
        arguments: TestStores.kinds)
    func rendered(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: an external requester (王小明, English) and an engineer of the group who is not the handler
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            try await api.store.setLocale(userId: requester.id, locale: "en")
            let number = try await api.submitVPNTicket(requester.token)
            let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            let due = try Self.localDue(ticket.json)
            let created = try await api.call(
                .post, "/api/v1/admin/reply-templates", token: admin,
                json: [
                    "name": "受理", "body": "{requester}您好，工单 {number}「{title}」将在 {due} 前答复。处理人：{handler}",
                    "bodyEn": "Dear {requester}, ticket {number} will be answered by {due}.",
                ])
            let id = try #require(created["id"] as? Int)

            // when: without a language: the requester's
            let english = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/\(id)", token: agent.token)
            // then
            #expect(english.status == .ok && english["locale"] as? String == "en")
            #expect(english["text"] as? String == "Dear 王小*, ticket \(number) will be answered by \(due).")

            // when: in Chinese, on purpose
            let chinese = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/\(id)?locale=zh-CN", token: agent.token)
            #expect(chinese["text"] as? String == "王小*您好，工单 \(number)「VPN 连不上」将在 \(due) 前答复。处理人：—")
            // a supervisor sees the requester in full, and that read is audited like opening the ticket
            let supervisor = try await api.signUp("zhou", role: "supervisor", admin: admin)
            let full = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/\(id)?locale=zh-CN", token: supervisor.token)
            #expect((full["text"] as? String)?.hasPrefix("王小明您好") == true)
            let reads = try await api.store.auditEntries(AuditQuery(actorId: supervisor.id))
            #expect(reads.contains { $0.action == .ticketViewed && $0.ticketNumber == number })

            // and: refusals
            let byRequester = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/\(id)", token: requester.token)
            #expect(byRequester.status == .forbidden)
            let badLocale = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/\(id)?locale=fr", token: agent.token)
            #expect(badLocale.status == .badRequest && badLocale.errorCode == "invalid_parameter")
            let noTemplate = try await api.call(
                .get, "/api/v1/tickets/\(number)/reply-templates/9999", token: agent.token)
            #expect(noTemplate.status == .notFound)
            let noTicket = try await api.call(
                .get, "/api/v1/tickets/TS20991231999/reply-templates/\(id)", token: agent.token)
            #expect(noTicket.status == .notFound)
        }
    }
}
