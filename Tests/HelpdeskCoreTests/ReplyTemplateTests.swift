import Foundation
import HelpdeskCore
import Testing

@Suite("Reply templates (R8.1): placeholders are checked and filled in")
struct ReplyTemplateTests {
    static let values: [ReplyPlaceholder: String] = [
        .number: "TS20260304001", .title: "打印机无法打印", .requester: "小明*", .due: "2026-03-04 18:00",
        .workaround: "先用二楼打印机", .handler: "王工",
    ]

    @Test(
        "known placeholders are replaced, anything else stays as written",
        arguments: [
            ("{requester}您好，工单 {number} 已受理。", "小明*您好，工单 TS20260304001 已受理。"),
            ("预计 {due} 前答复，处理人：{handler}", "预计 2026-03-04 18:00 前答复，处理人：王工"),
            ("「{title}」临时方案：{workaround}", "「打印机无法打印」临时方案：先用二楼打印机"),
            (
                "Dear {requester}, ticket {number} is due {due}.",
                "Dear 小明*, ticket TS20260304001 is due 2026-03-04 18:00."
            ),
            ("{number}{number}", "TS20260304001TS20260304001"),
            ("没有占位符", "没有占位符"),
            ("大括号 { 不成对", "大括号 { 不成对"),
            ("{{number}}", "{TS20260304001}"),
            ("{Number} is not {number}", "{Number} is not TS20260304001"),
            ("", ""),
        ])
    func render(template: String, expected: String) {
        #expect(ReplyTemplates.render(template, values: Self.values) == expected)
    }

    @Test(
        "the placeholders of a text, and the unknown ones refused at save",
        arguments: [
            ("{requester}您好，{number}", ["requester", "number"], [String]()),
            ("{nmber} 与 {due time} 与 {number}", ["nmber", "due time", "number"], ["nmber", "due time"]),
            ("{姓名}您好", ["姓名"], ["姓名"]),
            ("{Number}", ["Number"], ["Number"]),
            ("{x}{x}", ["x"], ["x"]),
            ("{} 空的与 { 不成对", [], []),
            ("{跨\n行}", [], []),
            ("{{handler}}", ["handler"], []),
        ])
    func placeholders(text: String, all: [String], unknown: [String]) {
        #expect(ReplyTemplates.placeholders(in: text) == all)
        #expect(ReplyTemplates.unknownPlaceholders(in: text) == unknown)
    }

    static let external = Requester(userId: nil, name: "王小明", external: true)

    @Test(
        "R9.2 the requester's name is as the viewer may see it: an external requester's masked without full access",
        arguments: [
            (WorkflowActorKind.groupAgent, true, "王小*"),
            (.handler, true, "王小明"),
            (.supervisor, true, "王小明"),
            (.groupAgent, false, "张小明"),
        ])
    func requesterName(viewer: WorkflowActorKind, external: Bool, expected: String) {
        let ticket = WorkflowFixture.ticket(
            status: .assigned, requester: external ? Self.external : WorkflowFixture.ownerRequester)
        let values = ReplyTemplates.values(
            for: ticket, viewer: viewer.actor, handler: "王工",
            state: WorkflowFixture.sla(ticket, at: WorkflowFixture.now),
            calendar: .standard)
        #expect(values[.requester] == expected)
        #expect(ReplyTemplates.render("{requester}您好", values: values) == expected + "您好")
    }

    @Test("{due} is the running target's due time in the calendar's local time: the response, then the resolution")
    func due() {
        // given a P2 ticket opened Wednesday 09:00 (8 business hours to respond, 24 to resolve)
        var ticket = WorkflowFixture.ticket(status: .inProgress, requester: Self.external)
        let viewer = WorkflowActorKind.groupAgent.actor
        func due(_ ticket: Ticket, _ calendar: BusinessCalendar = .standard) -> String? {
            ReplyTemplates.values(
                for: ticket, viewer: viewer, handler: nil, state: WorkflowFixture.sla(ticket, at: WorkflowFixture.now),
                calendar: calendar)[.due]
        }
        // then before a response the response is due that evening
        #expect(due(ticket) == "2026-03-04 18:00")
        // and the same instant in another zone's local time
        var utc = BusinessCalendar.standard
        utc.timeZoneIdentifier = "UTC"
        #expect(due(ticket, utc) == "2026-03-04 10:00")
        // when the requester has had a first response
        ticket.sla = ticket.sla.applying(
            .firstResponse(at: WorkflowFixture.now), policy: WorkflowFixture.rules.policy, calendar: .standard)
        // then the resolution is due three working days after the opening
        #expect(due(ticket) == "2026-03-06 18:00")
    }

    @Test("a missing workaround or handler is written as a dash, never as the placeholder")
    func missingValues() {
        let ticket = WorkflowFixture.ticket(status: .new, assignee: nil)
        let values = ReplyTemplates.values(
            for: ticket, viewer: WorkflowActorKind.supervisor.actor, handler: nil,
            state: WorkflowFixture.sla(ticket, at: WorkflowFixture.now), calendar: .standard)
        #expect(
            ReplyTemplates.render("临时方案：{workaround}；处理人：{handler}", values: values) == "临时方案：—；处理人：—")
    }

    @Test("a template is filled in the language asked for, Chinese for anything but en")
    func language() {
        var ticket = WorkflowFixture.ticket(status: .assigned, requester: Self.external)
        ticket.workaround = "重启后重试"
        let template = ReplyTemplate(
            name: "临时方案", nameEn: "Workaround", body: "{requester}您好，请先{workaround}。",
            bodyEn: "Dear {requester}, please {workaround} for now.")
        let viewer = WorkflowActorKind.groupAgent.actor
        func text(_ locale: String) -> String {
            ReplyTemplates.render(
                template, locale: locale, ticket: ticket, viewer: viewer, handler: "王工", rules: WorkflowFixture.rules,
                now: WorkflowFixture.now)
        }
        #expect(text("zh-CN") == "王小*您好，请先重启后重试。")
        #expect(text("en") == "Dear 王小*, please 重启后重试 for now.")
        #expect(text("fr") == text("zh-CN"))
        #expect(template.name(for: "en") == "Workaround" && template.name(for: "zh-CN") == "临时方案")
    }
}
