import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Admin → SLA engine settings and the priority matrix on the web")
struct AdminEngineSettingsWebTests {
    /// The form as a browser posts it for `settings`.
    static func fields(_ settings: SLAEngineSettings, csrf: String) -> [(String, String)] {
        var pairs = [("_csrf", csrf)]
        for number in WebAdminEngineRoutes.numbers {
            pairs.append((number.name, String(settings[keyPath: number.key])))
        }
        for flag in WebAdminEngineRoutes.flags where settings[keyPath: flag.key] { pairs.append((flag.name, "on")) }
        pairs.append(("dailyUpdateCutoff", settings.dailyUpdateCutoff.description))
        pairs += settings.coreBusinessPriorities.map { ("coreBusinessPriorities", $0.rawValue) }
        pairs += settings.alwaysOpenChannels.map { ("alwaysOpenChannels", $0.rawValue) }
        pairs.append(("onDutyLeadId", settings.onDutyLeadId.map(String.init) ?? ""))
        pairs += settings.leadershipIds.map { ("leadershipIds", String($0)) }
        return pairs
    }

    /// The options of the `<select name="…">`.
    static func select(_ name: String, in html: String) -> Substring {
        guard let start = html.range(of: "name=\"\(name)\""),
            let end = html.range(of: "</select>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return html[start.upperBound..<end.lowerBound]
    }

    @Test("the form shows every setting, and a save changes every one of them", arguments: TestStores.kinds)
    func savesEverySetting(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let duty = try await api.signUp("duty", role: "supervisor", admin: admin)
            let cio = try await api.signUp("cio", role: "requester", admin: admin)
            let cto = try await api.signUp("cto", role: "supervisor", admin: admin)
            let browser = try await WebBrowser.signedIn(api)
            let form = try await browser.get("/admin/sla-engine")
            #expect(form.status == .ok && form.html.contains("SLA 引擎设置"))
            for number in WebAdminEngineRoutes.numbers {
                let value = String(SLAEngineSettings.default[keyPath: number.key])
                #expect(
                    form.html.contains("name=\"\(number.name)\" type=\"number\" value=\"\(value)\""), "\(number.name)")
            }
            #expect(form.html.contains("name=\"dailyUpdateCutoff\" type=\"time\" value=\"17:00\""))
            #expect(form.html.contains("name=\"escalateOnBreach\" value=\"on\" checked"))
            #expect(form.html.contains("name=\"coreBusinessPriorities\" value=\"P0\" checked"))
            #expect(form.html.contains("<option value=\"\" selected>未指定：通知全部主管</option>"))
            // the on-duty lead is chosen among staff; leadership among everyone
            let leads = Self.select("onDutyLeadId", in: form.html)
            #expect(leads.contains("value=\"\(duty.id)\"") && !leads.contains("value=\"\(cio.id)\""))
            #expect(Self.select("leadershipIds", in: form.html).contains("value=\"\(cio.id)\""))

            // when: every value changed
            var changed = SLAEngineSettings()
            changed.warningPercent = 80
            changed.escalateOnBreach = false
            changed.l1EscalationMinutes = 45
            changed.coreBusinessPriorities = [.p0, .p1]
            changed.receiptHours = 3
            changed.receiptEscalationHours = 2
            changed.p0UpdateMinutes = 20
            changed.l2UpdateHours = 4
            changed.dailyUpdateCutoff = TimeOfDay(hour: 16, minute: 30)
            changed.followUpHours = 6
            changed.autoCloseWorkingDays = 5
            changed.archiveWorkingDays = 10
            changed.archiveScrubsExternal = false
            changed.archiveKeepsAttachments = false
            changed.collaborationHours = 12
            changed.alwaysOpenChannels = [.phone, .email]
            changed.onDutyLeadId = duty.id
            changed.leadershipIds = [cio.id, cto.id]
            let saved = try await browser.post(
                "/admin/sla-engine", pairs: Self.fields(changed, csrf: try #require(form.csrf)))

            // then: stored as posted, shown as stored, audited
            #expect(saved.status == .seeOther && saved.location == "/admin/sla-engine")
            #expect(try await api.store.engineSettings() == changed)
            let again = try await browser.get("/admin/sla-engine")
            #expect(again.html.contains("name=\"warningPercent\" type=\"number\" value=\"80\""))
            #expect(again.html.contains("name=\"dailyUpdateCutoff\" type=\"time\" value=\"16:30\""))
            #expect(!again.html.contains("name=\"escalateOnBreach\" value=\"on\" checked"))
            #expect(again.html.contains("name=\"alwaysOpenChannels\" value=\"phone\" checked"))
            #expect(Self.select("onDutyLeadId", in: again.html).contains("<option value=\"\(duty.id)\" selected>"))
            let leadership = Self.select("leadershipIds", in: again.html)
            #expect(leadership.contains("<option value=\"\(cio.id)\" selected>"))
            #expect(leadership.contains("<option value=\"\(cto.id)\" selected>"))
            let audit = try await api.store.auditEntries(AuditQuery())
            #expect(audit.contains { $0.action == .engineSettingsSaved && $0.actorName == "管理员" })
        }
    }

    @Test(
        "a refused value shows the form again with the posted values and the error named by the field's label",
        arguments: TestStores.kinds)
    func refusedValues(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let browser = try await WebBrowser.signedIn(api)
            let csrf = try #require(try await browser.get("/admin/sla-engine").csrf)
            func post(_ change: (inout [(String, String)]) -> Void, lang: String = "") async throws -> WebResponse {
                var pairs = Self.fields(.default, csrf: csrf)
                change(&pairs)
                return try await browser.post("/admin/sla-engine\(lang)", pairs: pairs)
            }
            func set(_ name: String, _ value: String) -> (inout [(String, String)]) -> Void {
                { pairs in pairs = pairs.filter { $0.0 != name } + [(name, value)] }
            }

            // when
            let tooHigh = try await post(set("warningPercent", "120"))
            let notANumber = try await post(set("l1EscalationMinutes", "半小时"))
            let midnight = try await post(set("dailyUpdateCutoff", "24:00"))
            let requesterLead = try await post(set("onDutyLeadId", String(requester.id)))
            let zeroDays = try await post(set("autoCloseWorkingDays", "0"), lang: "?lang=en")

            // then: 422, the error names the field as the form labels it, the posted text is kept
            for refused in [tooHigh, notANumber, midnight, requesterLead, zeroDays] {
                #expect(refused.status == .unprocessableContent)
                #expect(refused.html.contains("id=\"engine-error\""))
            }
            #expect(tooHigh.html.contains("字段 时限用到百分之几时预警（1–99） 的值无效"))
            #expect(tooHigh.html.contains("name=\"warningPercent\" type=\"number\" value=\"120\""))
            #expect(notANumber.html.contains("一线未解决多少分钟后转二线"))
            #expect(notANumber.html.contains("value=\"半小时\""))
            #expect(midnight.html.contains("每个工作日更新进展的截止时间"))
            #expect(requesterLead.html.contains("值班负责人（紧急事件） 引用的对象不存在或不允许"))
            #expect(zeroDays.html.contains("Working days after resolution before closing automatically"))
            #expect(try await api.store.engineSettings() == .default, "nothing refused is stored")
        }
    }

    @Test(
        "R2.4 the priority matrix editor shows the 3×3 grid; a save is a new version that grades the next ticket",
        arguments: TestStores.kinds)
    func priorityMatrix(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let browser = try await WebBrowser.signedIn(api)
            let page = try await browser.get("/admin/priority-matrix")
            #expect(page.status == .ok && page.html.contains("优先级矩阵"))
            #expect(page.html.components(separatedBy: "<select name=\"matrix_").count - 1 == 9)
            #expect(page.html.contains("aria-label=\"影响范围 高，紧急程度 高\""))
            #expect(page.html.contains("<strong>v1</strong>"))
            #expect(page.html.contains("版本化之前使用的矩阵（升级时保留）"))
            var pairs = [("_csrf", try #require(page.csrf))]
            for impact in Impact.allCases {
                for urgency in Urgency.allCases {
                    let cell = PriorityMatrix.default.priority(impact: impact, urgency: urgency)
                    pairs.append(("matrix_\(impact.rawValue)_\(urgency.rawValue)", cell.rawValue))
                }
            }

            // when: low impact, medium urgency raised from P3 to P1
            let cell = "matrix_low_medium"
            let saved = try await browser.post(
                "/admin/priority-matrix", pairs: pairs.filter { $0.0 != cell } + [(cell, "P1"), ("note", "季度评审")])

            // then: stored, shown, and the next VPN ticket (low impact, medium urgency) is a P1
            #expect(saved.status == .seeOther && saved.location == "/admin/priority-matrix")
            let version = try await api.store.currentPriorityMatrix()
            #expect(version.version == 2 && version.note == "季度评审" && version.savedByName == "管理员")
            let matrix = version.matrix
            #expect(matrix.priority(impact: .low, urgency: .medium) == .p1)
            #expect(matrix.priority(impact: .high, urgency: .high) == .p0)
            let shown = try await browser.get("/admin/priority-matrix")
            let select = try #require(shown.html.range(of: "name=\"\(cell)\""))
            let after = shown.html[select.upperBound...].prefix(400)
            #expect(after.contains("<option value=\"P1\" selected>"))
            #expect(shown.html.contains("<strong>v2</strong>") && shown.html.contains("季度评审"))
            #expect(shown.html.contains("<a href=\"/admin/priority-matrix/versions/1\">v1</a>"))
            #expect(shown.html.contains("<a href=\"/admin/priority-matrix/versions/2\">v2</a> (当前)"))
            // an earlier version, read-only: no form, the old cell
            let first = try await browser.get("/admin/priority-matrix/versions/1")
            #expect(first.status == .ok && first.html.contains("优先级矩阵 v1"))
            #expect(!first.html.contains("<select") && !first.html.contains("method=\"post\" action=\"/admin/priority"))
            let lowRow = try #require(first.html.range(of: "<th scope=\"row\">低</th>"))
            #expect(first.html[lowRow.upperBound...].prefix(200).contains("<td>P2 中</td><td>P3 低</td>"))
            #expect(try await browser.get("/admin/priority-matrix/versions/7").status == .notFound)
            let number = try await api.submitVPNTicket(requester.token)
            #expect(try await api.store.ticket(number: number)?.priority == .p1)
            #expect(try await api.store.ticket(number: number)?.priorityMatrixVersion == 2)
            // a cell missing or not a priority is refused, and nothing changes
            let missing = try await browser.post("/admin/priority-matrix", pairs: pairs.filter { $0.0 != cell })
            #expect(missing.status == .unprocessableContent)
            let wrong = try await browser.post(
                "/admin/priority-matrix", pairs: pairs.filter { $0.0 != cell } + [(cell, "P9")])
            #expect(wrong.status == .unprocessableContent)
            #expect(try await api.store.priorityMatrixVersions().map(\.version) == [1, 2])
        }
    }
}
