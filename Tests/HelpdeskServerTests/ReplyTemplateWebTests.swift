import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Reply templates on the web (R8.1): the admin page, and the picker of the work-log form without JavaScript")
struct ReplyTemplateWebTests {
    @Test(
        "an admin adds a template, is told about an unknown placeholder, edits and deletes one; all audited",
        arguments: TestStores.kinds)
    func adminPage(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let browser = try await WebBrowser.signedIn(api)
            let page = try await browser.get("/admin/reply-templates")
            let csrf = try #require(page.csrf)
            #expect(page.status == .ok && page.html.contains("已受理，正在处理") && page.html.contains("<code>{due}</code>"))
            #expect(
                page.html.contains("href=\"/admin/reply-templates\" aria-current=\"page\" id=\"nav-reply-templates\""))

            // when: added
            let added = try await browser.post(
                "/admin/reply-templates",
                [
                    "_csrf": csrf, "name": "远程协助", "nameEn": "Remote help", "body": "{requester}您好，{handler} 将远程协助您。",
                    "bodyEn": "Dear {requester}, {handler} will help you remotely.", "sortOrder": "5", "active": "on",
                ])
            // then
            #expect(added.status == .seeOther && added.location == "/admin/reply-templates")
            let template = try #require(try await api.store.replyTemplates().first { $0.name == "远程协助" })
            #expect(template.nameEn == "Remote help" && template.sortOrder == 5 && template.active)

            // when: an unknown placeholder
            let refused = try await browser.post(
                "/admin/reply-templates",
                ["_csrf": csrf, "name": "错字", "body": "{姓名}您好", "bodyEn": "Dear {name}", "active": "on"])
            // then: the form again with what was typed and the names refused
            #expect(refused.status == .unprocessableContent && refused.html.contains("id=\"reply-template-error\""))
            #expect(refused.html.contains("{姓名}, {name}") && refused.html.contains("value=\"错字\""))
            let blank = try await browser.post(
                "/admin/reply-templates?lang=en", ["_csrf": csrf, "name": "x", "body": " ", "bodyEn": "y"])
            #expect(blank.status == .unprocessableContent && blank.html.contains("Text in Chinese"))

            // when: edited (unchecked: inactive), then deleted
            let form = try await browser.get("/admin/reply-templates/\(template.id)")
            #expect(form.html.contains("action=\"/admin/reply-templates/\(template.id)/delete\""))
            let saved = try await browser.post(
                "/admin/reply-templates/\(template.id)",
                ["_csrf": csrf, "name": "远程协助", "body": "{requester}您好。", "bodyEn": "Dear {requester}."])
            #expect(saved.status == .seeOther)
            #expect(try await api.store.replyTemplate(id: template.id)?.active == false)
            let deleted = try await browser.post("/admin/reply-templates/\(template.id)/delete", ["_csrf": csrf])
            #expect(deleted.location == "/admin/reply-templates")
            #expect(try await api.store.replyTemplate(id: template.id) == nil)
            #expect(try await browser.get("/admin/reply-templates/\(template.id)").status == .notFound)

            // then
            let entries = try await api.store.auditEntries(AuditQuery())
            #expect(entries.filter { $0.action == .replyTemplateSaved }.count == 2)
            #expect(
                entries.contains { $0.action == .replyTemplateDeleted && $0.target == "reply_template:\(template.id)" })
            let audit = try await browser.get("/admin/audit")
            #expect(audit.html.contains("保存回复模板") && audit.html.contains("删除回复模板"))

            // and: an engineer may not open the admin page
            let admin = try await api.token("admin")
            _ = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let engineer = try await WebBrowser.signedIn(api, as: "ops")
            #expect(try await engineer.get("/admin/reply-templates").status == .forbidden)
        }
    }

    @Test(
        "an engineer picks a template on an external requester's ticket: the text area holds it with the masked name and the due time, and posting it adds a public reply",
        arguments: TestStores.kinds)
    func picker(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: 王小明 (external) asked; an engineer of the group who is not the handler
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            _ = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let handler = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(requester.token)
            let assigned = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                json: ["action": "assign", "assigneeId": handler.id])
            #expect(assigned.status == .ok)
            let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            let due = try ReplyTemplateAPITests.localDue(ticket.json)
            let received = try #require(try await api.store.replyTemplates().first { $0.name == "已受理，正在处理" })
            let browser = try await WebBrowser.signedIn(api, as: "ops")

            // when: the ticket page, then the picker's GET form
            let plain = try await browser.get("/tickets/\(number)")
            #expect(
                plain.html.contains("id=\"reply-picker\"") && plain.html.contains("<option value=\"\(received.id)\""))
            #expect(plain.html.contains("name=\"body\" rows=\"3\" required></textarea>"))
            let picked = try await browser.get("/tickets/\(number)?template=\(received.id)&locale=")

            // then: the text area holds the reply as this engineer may see it, public preselected
            #expect(picked.status == .ok)
            let expected = "王小*您好，您的工单 \(number)「VPN 连不上」已受理，li.l1 正在处理，预计在 \(due) 前给您答复。感谢您的耐心！"
            #expect(picked.html.contains(">\(expected)</textarea>"))
            #expect(!picked.html.contains("王小明您好"))
            #expect(picked.html.contains("value=\"public\" checked") && picked.html.contains("id=\"reply-filled\""))
            #expect(picked.html.contains("<option value=\"\(received.id)\" selected"))
            let english = try await browser.get("/tickets/\(number)?template=\(received.id)&locale=en")
            #expect(english.html.contains("Dear 王小*, we have received your ticket \(number)"))

            // when: posted as the work-log form would
            let csrf = try #require(picked.csrf)
            let posted = try await browser.post(
                "/tickets/\(number)/worklog", ["_csrf": csrf, "body": expected, "visibility": "public"])
            // then: the requester reads it on their ticket
            #expect(posted.status == .seeOther)
            let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: requester.token)
            #expect(
                events.items.contains { $0["body"] as? String == expected && $0["visibility"] as? String == "public" })

            // and: a requester has no picker and may not fill one in
            let own = try await WebBrowser.signedIn(api, as: "xiaoming")
            #expect(!(try await own.get("/tickets/\(number)").html.contains("reply-picker")))
            let ownPicked = try await own.get("/tickets/\(number)?template=\(received.id)")
            #expect(!ownPicked.html.contains("reply-filled") && !ownPicked.html.contains(">\(expected)</textarea>"))
            // an unknown template is a 404, a malformed id a 400
            #expect(try await browser.get("/tickets/\(number)?template=9999").status == .notFound)
            #expect(try await browser.get("/tickets/\(number)?template=abc").status == .badRequest)
        }
    }
}
