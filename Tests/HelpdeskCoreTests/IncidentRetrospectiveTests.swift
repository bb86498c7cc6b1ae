import Foundation
import HelpdeskCore
import Testing

@Suite("Major incidents: the retrospective (R7.4)")
struct IncidentRetrospectiveTests {
    static let supervisor = WorkflowActorKind.supervisor.actor

    static func major(status: TicketStatus = .resolved) -> Ticket {
        var ticket = WorkflowFixture.ticket(status: status)
        ticket.majorIncident = true
        ticket.rootCause = "网关证书过期"
        ticket.solution = "更换证书并重启网关"
        return ticket
    }

    static func event(
        _ kind: TicketEvent.Kind, _ iso: String, action: WorkflowAction? = nil, to: TicketStatus? = nil,
        body: String? = nil, data: [String: String] = [:]
    ) -> TicketEvent {
        TicketEvent(
            kind: kind, action: action, toStatus: to, actor: supervisor, at: WorkflowFixture.at(iso), body: body,
            data: data)
    }

    @Test("the course of the incident: declared, escalated, a workaround, updates, resolved; only those moments")
    func timeline() throws {
        let events = [
            Self.event(.created, "2026-03-04T09:00:00+08:00"),
            Self.event(.majorIncident, "2026-03-04T09:05:00+08:00", data: ["declared": "true"]),
            Self.event(
                .transition, "2026-03-04T09:10:00+08:00", action: .escalate, to: .inProgress, data: ["tier": "L2"]),
            Self.event(.worklog, "2026-03-04T09:12:00+08:00", body: "查看网关日志"),
            Self.event(.workaround, "2026-03-04T09:20:00+08:00", body: "改用备用线路"),
            Self.event(.majorIncident, "2026-03-04T09:30:00+08:00", body: "网关故障，正在处理", data: ["impact": "全员"]),
            Self.event(.majorIncident, "2026-03-04T09:31:00+08:00", data: ["linked_to": "TS20260304001"]),
            Self.event(.transition, "2026-03-04T11:00:00+08:00", action: .resolve, to: .resolved, body: "更换证书"),
        ]
        let linked = [
            IncidentRetrospective.Linked(
                number: "TS20260304002", title: "VPN 断开", status: .resolved, requesterUserId: 7),
            IncidentRetrospective.Linked(
                number: "TS20260304003", title: "VPN 不通", status: .resolved, requesterUserId: 7),
            IncidentRetrospective.Linked(
                number: "TS20260304004", title: "远程桌面", status: .inProgress, requesterUserId: 8),
        ]
        let retro = try IncidentRetrospective(
            ticket: Self.major(), events: events, linked: linked, rules: WorkflowFixture.rules,
            now: WorkflowFixture.at("2026-03-04T12:00:00+08:00"))
        #expect(retro.timeline.map(\.kind) == [.submitted, .declared, .escalated, .workaround, .broadcast, .resolved])
        #expect(retro.timeline.map(\.text) == [nil, nil, "L2", "改用备用线路", "网关故障，正在处理", "更换证书"])
        #expect(retro.timeline.first?.actor == Self.supervisor.name)
        #expect(retro.declaredAt == WorkflowFixture.at("2026-03-04T09:05:00+08:00"))
        #expect(retro.resolvedAt == WorkflowFixture.at("2026-03-04T11:00:00+08:00"))
        #expect(retro.elapsedMinutes == 120)
        #expect(retro.broadcasts == 1)
        // the incident's own requester and two more
        #expect(retro.affectedRequesters == 3)
        #expect(retro.review != nil && retro.rootCause == "网关证书过期")
    }

    @Test("an open incident counts its time to now and has no review yet")
    func openIncident() throws {
        let retro = try IncidentRetrospective(
            ticket: Self.major(status: .inProgress), events: [], linked: [], rules: WorkflowFixture.rules,
            now: WorkflowFixture.at("2026-03-04T09:45:00+08:00"))
        #expect(retro.elapsedMinutes == 45 && retro.resolvedAt == nil && retro.review == nil)
        #expect(retro.affectedRequesters == 1)
    }

    @Test("a ticket that was never declared has no retrospective")
    func notMajor() {
        #expect(throws: WorkflowError.notMajorIncident) {
            try IncidentRetrospective(
                ticket: WorkflowFixture.ticket(status: .resolved), events: [], linked: [], rules: WorkflowFixture.rules,
                now: WorkflowFixture.now)
        }
    }

    @Test(
        "who records the conclusions, and what they must give",
        arguments: [
            (WorkflowActorKind.supervisor, "证书过期", "证书到期前 30 天告警", nil),
            (.problemManager, nil, "证书纳入巡检", nil),
            (.admin, "  证书过期 ", nil, nil),
            (.supervisor, nil, nil, WorkflowError.fieldRequired("preventiveActions")),
            (.supervisor, "  ", " \n", WorkflowError.fieldRequired("preventiveActions")),
            (.handler, "证书过期", "巡检", WorkflowError.forbidden(action: "retrospective")),
            (.owner, "证书过期", "巡检", WorkflowError.forbidden(action: "retrospective")),
        ] as [(WorkflowActorKind, String?, String?, WorkflowError?)])
    func record(actor: WorkflowActorKind, cause: String?, actions: String?, refusal: WorkflowError?) throws {
        let major = Self.major()
        let result = Result { () throws(WorkflowError) -> TicketChange in
            try MajorIncidents.recordRetrospective(
                rootCause: cause, preventiveActions: actions, on: major, by: actor.actor, at: WorkflowFixture.now)
        }
        switch (result, refusal) {
        case (.success(let change), nil):
            #expect(
                change.ticket.rootCause == (cause.map { $0.trimmingCharacters(in: .whitespaces) } ?? major.rootCause))
            #expect(change.ticket.preventiveActions == actions)
            #expect(change.events.first?.visibility == .internal)
            #expect(change.events.first?.data["retrospective"] == "true")
        case (.failure(let error), let expected?):
            #expect(error == expected)
        default:
            Issue.record("\(result) for \(actor), expected \(String(describing: refusal))")
        }
    }

    @Test("a ticket that is not a major incident takes no conclusions")
    func recordOnOrdinaryTicket() {
        #expect(throws: WorkflowError.notMajorIncident) {
            try MajorIncidents.recordRetrospective(
                rootCause: "x", preventiveActions: "y", on: WorkflowFixture.ticket(status: .resolved),
                by: Self.supervisor, at: WorkflowFixture.now)
        }
    }
}
