import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Admin on the web: a group's lead, editing categories, new calendars")
struct AdminDirectoryEditWebTests {
    @Test("an admin edits a group and makes one of its members the lead", arguments: TestStores.kinds)
    func groupLead(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: an engineer in 运维组 (1), one in 培训组 (2), and a requester
            let admin = try await api.token("admin")
            let li = try await api.signUp("li", role: "agent", tier: "L1", groups: [1], admin: admin)
            let other = try await api.signUp("zhao", role: "agent", tier: "L1", groups: [2], admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let browser = try await WebBrowser.signedIn(api)
            let form = try await browser.get("/admin/groups/1")
            #expect(form.status == .ok && form.html.contains("action=\"/admin/groups/1\""))
            #expect(form.html.contains("<option value=\"\(li.id)\"") && !form.html.contains("value=\"\(other.id)\""))
            #expect(form.html.contains("<option value=\"\" selected>未指定（通知全组）</option>"))

            // when
            let saved = try await browser.post(
                "/admin/groups/1",
                [
                    "_csrf": try #require(form.csrf), "name": "运维组", "nameEn": "IT operations",
                    "leadUserId": String(li.id),
                ])

            // then
            #expect(saved.status == .seeOther && saved.location == "/admin/groups")
            let group = try #require(try await api.store.groups().first { $0.id == 1 })
            #expect(group.leadUserId == li.id && group.nameEn == "IT operations")
            let list = try await browser.get("/admin/groups")
            #expect(list.html.contains("<td lang=\"en\">IT operations</td><td>li</td>"))
            #expect(try await browser.get("/admin/groups/1").html.contains("<option value=\"\(li.id)\" selected>"))
            // a requester cannot lead (the use case refuses), an unknown group is 404
            let refused = try await browser.post(
                "/admin/groups/1",
                ["_csrf": try #require(form.csrf), "name": "运维组", "leadUserId": String(requester.id)])
            #expect(refused.status == .unprocessableContent)
            #expect(try await api.store.groups().first { $0.id == 1 }?.leadUserId == li.id)
            #expect(try await browser.get("/admin/groups/99").status == .notFound)
        }
    }

    @Test("an admin renames a category, re-routes it to another group and deactivates it", arguments: TestStores.kinds)
    func editCategory(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: 环境配置 (6) routes to 运维组 (1)
            let browser = try await WebBrowser.signedIn(api)
            let form = try await browser.get("/admin/categories/6")
            #expect(form.status == .ok && form.html.contains("action=\"/admin/categories/6\""))
            #expect(form.html.contains("<option value=\"1\" selected>"))
            #expect(form.html.contains("name=\"active\" id=\"c-active\" checked"))
            let csrf = try #require(form.csrf)

            // when
            let saved = try await browser.post(
                "/admin/categories/6",
                [
                    "_csrf": csrf, "parentId": "", "name": "环境与配置", "nameEn": "Environment", "defaultGroupId": "4",
                    "sortOrder": "9",
                ])

            // then
            #expect(saved.status == .seeOther && saved.location == "/admin/categories")
            let category = try #require(try await api.store.categories().first { $0.id == 6 })
            #expect(category.name == "环境与配置" && category.defaultGroupId == 4 && !category.active)
            #expect(category.sortOrder == 9 && category.parentId == nil)
            let tree = try await browser.get("/admin/categories")
            #expect(tree.html.contains("环境与配置") && tree.html.contains("已停用"))
            // moving 系统故障 (1), which has subcategories, under another is refused
            let refused = try await browser.post(
                "/admin/categories/1", ["_csrf": csrf, "parentId": "5", "name": "系统故障", "active": "on"])
            #expect(refused.status == .unprocessableContent)
            #expect(try await api.store.categories().first { $0.id == 1 }?.parentId == nil)
            // … and its form offers only the top level as parent
            let parents = AdminEngineSettingsWebTests.select(
                "parentId", in: try await browser.get("/admin/categories/1").html)
            #expect(parents.contains("<option value=\"\" selected>") && !parents.contains("<option value=\"5\""))
            #expect(try await browser.get("/admin/categories/99").status == .notFound)
        }
    }

    @Test("an admin adds a calendar from the blank form on the calendars page", arguments: TestStores.kinds)
    func newCalendar(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let browser = try await WebBrowser.signedIn(api)
            let page = try await browser.get("/admin/calendars")
            #expect(page.html.contains("新建工作日历") && page.html.contains("action=\"/admin/calendars\""))
            var fields = [
                "_csrf": try #require(page.csrf), "name": "客服热线 7×24", "timeZone": "Asia/Shanghai",
                "workingDayMinutes": "1440", "holidays": "", "workingDays": "",
            ]
            for day in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
                fields[day] = "00:00-24:00"
            }

            // when
            let saved = try await browser.post("/admin/calendars", fields)

            // then
            #expect(saved.status == .seeOther && saved.location == "/admin/calendars")
            let calendars = try await api.store.calendars()
            #expect(calendars.count == 2)
            let added = try #require(calendars.first { $0.name == "客服热线 7×24" })
            #expect(added.calendar.week.sunday.count == 1 && added.calendar.workingDayMinutes == 1440)
            let after = try await browser.get("/admin/calendars")
            #expect(after.html.contains("action=\"/admin/calendars/\(added.id)\""))
            // a calendar without a name is refused
            fields["name"] = ""
            #expect(try await browser.post("/admin/calendars", fields).status == .unprocessableContent)
            #expect(try await api.store.calendars().count == 2)
        }
    }
}
