import Foundation
import HelpdeskCore
import Testing

enum IntakeFixture {
    static let agent = WorkflowActorKind.handler.actor
    static let faultDetails = ["error_text": "E-102 卡纸", "steps": "打印任意文档", "environment": "Windows 11, HP M404"]

    static func submission(
        type: TicketType = .fault, title: String = "打印机无法打印", description: String = "三楼打印机卡纸后报错",
        details: [String: String] = faultDetails, affectedSystem: String? = "三楼打印机",
        name: String = "张小明", contact: String = "8021-5678", impact: Impact = .medium, urgency: Urgency = .high
    ) -> NewTicket {
        NewTicket(
            type: type, title: title, description: description, details: details, affectedSystem: affectedSystem,
            requester: Requester(userId: 100, name: name, department: "销售部"), contact: contact, channel: .phone,
            impact: impact, urgency: urgency, categoryId: 3, subcategoryId: 31, groupId: WorkflowFixture.groupId)
    }

    static func draft(
        _ input: NewTicket, matrix: PriorityMatrix = .default
    ) throws(WorkflowError) -> (ticket: Ticket, event: TicketEvent, warnings: [IntakeWarning]) {
        try Intake.draft(
            input, by: agent, at: WorkflowFixture.now,
            matrix: PriorityMatrixVersion(version: 1, matrix: matrix, savedAt: WorkflowFixture.now), policyId: 7)
    }
}

// MARK: - Intake

@Suite("Intake")
struct IntakeTests {
    let now = WorkflowFixture.now

    @Test(
        "R2.3 intake suggests the priority from the matrix",
        arguments: [
            (Impact.high, Urgency.high, Priority.p0), (.high, .low, .p2), (.medium, .high, .p1),
            (.medium, .medium, .p2), (.low, .high, .p2), (.low, .low, .p3),
        ])
    func suggestedPriority(impact: Impact, urgency: Urgency, priority: Priority) throws {
        let draft = try IntakeFixture.draft(IntakeFixture.submission(impact: impact, urgency: urgency))
        #expect(draft.ticket.priority == priority)
        #expect(draft.ticket.suggestedPriority == priority)
        #expect(!draft.ticket.priorityConfirmed)
        #expect(draft.ticket.sla.priority == priority)
        #expect(draft.event.data["priority"] == priority.rawValue)
    }

    @Test("R2.3 a configured matrix is used, not the default")
    func customMatrix() throws {
        let allLow = try PriorityMatrix(
            Dictionary(
                uniqueKeysWithValues: Impact.allCases.map { impact in
                    (impact, Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, Priority.p3) }))
                }))
        let draft = try IntakeFixture.draft(IntakeFixture.submission(impact: .high, urgency: .high), matrix: allLow)
        #expect(draft.ticket.priority == .p3)
    }

    @Test(
        "R1.2 titles over 20 characters are accepted with a warning (Chinese characters count one each)",
        arguments: [
            (String(repeating: "打", count: 19), false),
            (String(repeating: "打", count: 20), false),
            (String(repeating: "打", count: 21), true),
            ("打印机无法打印", false),
            ("Printer on the third floor broken", true),
            ("  " + String(repeating: "打", count: 20) + "  ", false),
            (String(repeating: "👍🏽", count: 20), false),
        ])
    func titleLength(title: String, warned: Bool) throws {
        let draft = try IntakeFixture.draft(IntakeFixture.submission(title: title))
        #expect(draft.warnings.contains(.titleLong) == warned)
        #expect(draft.ticket.title == title.trimmingCharacters(in: .whitespaces))
    }

    @Test(
        "R1.3 missing type-specific details are flagged, not rejected",
        arguments: [
            (TicketType.fault, [String: String](), ["error_text", "steps", "environment"]),
            (.fault, ["error_text": "E-102", "steps": "打印"], ["environment"]),
            (.fault, ["error_text": "E-102", "steps": "  ", "environment": "Win 11"], ["steps"]),
            (.fault, IntakeFixture.faultDetails, []),
            (.consultation, [:], ["need", "expected_result"]),
            (.consultation, ["need": "开通VPN"], ["expected_result"]),
            (.consultation, ["need": "开通VPN", "expected_result": "在家办公"], []),
            (.suggestion, ["background": "报表慢"], ["proposal", "expected_value"]),
            (.suggestion, ["background": "报表慢", "proposal": "加索引", "expected_value": "节省时间"], []),
            (.request, [:], []),
        ])
    func missingDetails(type: TicketType, details: [String: String], missing: [String]) throws {
        // when
        let draft = try IntakeFixture.draft(IntakeFixture.submission(type: type, details: details))

        // then
        #expect(draft.ticket.missingDetails == missing)
        #expect(draft.warnings.contains(.missingDetails) == !missing.isEmpty)
        #expect(draft.event.data["missing_details"] == (missing.isEmpty ? nil : missing.joined(separator: ",")))
        #expect(draft.ticket.status == .new)
    }

    @Test(
        "R1.2 required fields may not be empty or blank",
        arguments: [
            (IntakeFixture.submission(title: ""), "title"),
            (IntakeFixture.submission(title: "  \n "), "title"),
            (IntakeFixture.submission(description: ""), "description"),
            (IntakeFixture.submission(description: "\t"), "description"),
            (IntakeFixture.submission(contact: ""), "contact"),
            (IntakeFixture.submission(contact: "   "), "contact"),
            (IntakeFixture.submission(name: ""), "requester.name"),
            (IntakeFixture.submission(name: " "), "requester.name"),
        ])
    func fieldRequired(input: NewTicket, field: String) {
        #expect(throws: WorkflowError.fieldRequired(field)) { try IntakeFixture.draft(input) }
    }

    @Test(
        "Fields longer than their limit are invalid",
        arguments: [
            (IntakeFixture.submission(title: String(repeating: "长", count: 201)), "title"),
            (IntakeFixture.submission(description: String(repeating: "x", count: 20_001)), "description"),
            (IntakeFixture.submission(contact: String(repeating: "1", count: 101)), "contact"),
            (IntakeFixture.submission(affectedSystem: String(repeating: "s", count: 201)), "affectedSystem"),
            (IntakeFixture.submission(name: String(repeating: "名", count: 101)), "requester.name"),
            (
                IntakeFixture.submission(
                    details: Dictionary(uniqueKeysWithValues: (1...21).map { ("key\($0)", "value") })), "details"
            ),
            (IntakeFixture.submission(details: [String(repeating: "k", count: 41): "value"]), "details"),
            (IntakeFixture.submission(details: ["error_text": String(repeating: "e", count: 5_001)]), "details"),
        ])
    func tooLong(input: NewTicket, field: String) {
        #expect(throws: WorkflowError.invalidValue(field: field)) { try IntakeFixture.draft(input) }
    }

    @Test("Fields exactly at their limit are accepted")
    func atLimit() throws {
        let input = IntakeFixture.submission(
            title: String(repeating: "长", count: 200), description: String(repeating: "x", count: 20_000),
            details: Dictionary(
                uniqueKeysWithValues: (1...20).map {
                    (String(repeating: "k", count: 38) + "\($0 % 10)\($0 / 10)", String(repeating: "v", count: 5_000))
                }),
            affectedSystem: String(repeating: "s", count: 200), name: String(repeating: "名", count: 100),
            contact: String(repeating: "1", count: 100))
        let draft = try IntakeFixture.draft(input)
        #expect(draft.ticket.title.count == 200)
        #expect(draft.ticket.details.count == 20)
    }

    @Test("R1.2 the draft ticket and its created event")
    func createdTicketAndEvent() throws {
        // given
        let input = IntakeFixture.submission(
            title: "  打印机无法打印 ", affectedSystem: "   ", name: " 张小明 ", contact: " 8021-5678 ")

        // when
        let (ticket, event, warnings) = try IntakeFixture.draft(input)

        // then
        #expect(warnings.isEmpty)
        #expect(ticket.title == "打印机无法打印")
        #expect(ticket.requester.name == "张小明")
        #expect(ticket.requester.userId == 100)
        #expect(ticket.contact == "8021-5678")
        #expect(ticket.affectedSystem == nil)
        #expect(ticket.status == .new)
        #expect(ticket.tier == .l1)
        #expect(ticket.assigneeId == nil)
        #expect(ticket.groupId == WorkflowFixture.groupId)
        #expect(ticket.categoryId == 3 && ticket.subcategoryId == 31)
        #expect(ticket.channel == .phone)
        #expect(ticket.submittedAt == now && ticket.updatedAt == now)
        #expect(ticket.createdById == IntakeFixture.agent.id)
        #expect(ticket.slaPolicyId == 7)
        #expect(ticket.sla == SLATrack.opened(at: now, priority: .p1))
        #expect(ticket.version == 1)
        #expect(event.kind == .created)
        #expect(event.fromStatus == nil && event.toStatus == .new)
        #expect(event.actorId == IntakeFixture.agent.id && event.actorName == IntakeFixture.agent.name)
        #expect(event.at == now)
        #expect(event.data == ["priority": "P1", "channel": "phone", "matrix_version": "1"])
        #expect(event.visibility == .public)
    }
}

// MARK: - Work log and workaround

@Suite("Ticket operations: work log and workaround")
struct WorklogTests {
    let now = WorkflowFixture.now
    let rules = WorkflowFixture.rules

    @Test(
        "R4.5 who may write which kind of work-log entry",
        arguments: [
            (WorkflowActorKind.owner, TicketEvent.Visibility.public, true),
            (.owner, .internal, false),
            (.otherRequester, .public, false),
            (.handler, .public, true),
            (.handler, .internal, true),
            (.groupAgent, .internal, true),
            (.outsideAgent, .public, false),
            (.problemManager, .internal, true),
            (.supervisor, .public, true),
        ])
    func worklogPermissions(kind: WorkflowActorKind, visibility: TicketEvent.Visibility, allowed: Bool) throws {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        if allowed {
            let change = try TicketOperations.addWorklog(
                " 已远程查看 ", visibility: visibility, to: ticket, by: kind.actor, at: now, rules: rules)
            #expect(change.events.count == 1)
            #expect(change.events[0].kind == .worklog)
            #expect(change.events[0].visibility == visibility)
            #expect(change.events[0].body == "已远程查看")
            #expect(change.events[0].actorId == kind.actor.id)
            #expect(change.ticket.version == ticket.version + 1)
            #expect(change.ticket.updatedAt == now)
        } else {
            #expect(throws: WorkflowError.forbidden(action: "worklog")) {
                try TicketOperations.addWorklog(
                    "已远程查看", visibility: visibility, to: ticket, by: kind.actor, at: now, rules: rules)
            }
        }
    }

    @Test(
        "R3.1 a staff member's public reply is the first response; notes and the requester's comments are not",
        arguments: [
            (WorkflowActorKind.handler, TicketEvent.Visibility.public, true),
            (.groupAgent, .public, true),
            (.supervisor, .public, true),
            (.handler, .internal, false),
            (.problemManager, .internal, false),
            (.owner, .public, false),
        ])
    func firstResponse(kind: WorkflowActorKind, visibility: TicketEvent.Visibility, responds: Bool) throws {
        let ticket = WorkflowFixture.ticket(status: .assigned)
        let change = try TicketOperations.addWorklog(
            "请提供截图", visibility: visibility, to: ticket, by: kind.actor, at: now, rules: rules)
        #expect(change.ticket.sla.respondedAt == (responds ? now : nil))
        #expect(change.ticket.status == .assigned)
    }

    @Test("A later public reply does not move the first response")
    func firstResponseKept() throws {
        let first = try TicketOperations.addWorklog(
            "收到", visibility: .public, to: WorkflowFixture.ticket(status: .inProgress),
            by: WorkflowActorKind.handler.actor, at: now, rules: rules)
        let second = try TicketOperations.addWorklog(
            "已处理", visibility: .public, to: first.ticket, by: WorkflowActorKind.handler.actor,
            at: now.addingTimeInterval(600), rules: rules)
        #expect(second.ticket.sla.respondedAt == now)
    }

    @Test("A closed ticket takes no work-log entries", arguments: [WorkflowActorKind.owner, .handler, .supervisor])
    func closedTicket(kind: WorkflowActorKind) {
        let ticket = WorkflowFixture.ticket(status: .closed)
        #expect(throws: WorkflowError.ticketClosed) {
            try TicketOperations.addWorklog(
                "还在吗", visibility: .public, to: ticket, by: kind.actor, at: now, rules: rules)
        }
    }

    @Test(
        "Work-log entries on resolved tickets are still accepted",
        arguments: [TicketStatus.resolved, .confirmed, .reviewed])
    func resolvedTicket(status: TicketStatus) throws {
        let ticket = WorkflowFixture.ticket(status: status)
        let change = try TicketOperations.addWorklog(
            "补充说明", visibility: .public, to: ticket, by: WorkflowActorKind.owner.actor, at: now, rules: rules)
        #expect(change.events.count == 1)
    }

    @Test(
        "A work-log entry needs a body of at most 20 000 characters",
        arguments: [
            ("", WorkflowError.fieldRequired("body")), (" \n ", .fieldRequired("body")),
            (String(repeating: "x", count: 20_001), .invalidValue(field: "body")),
        ])
    func worklogBody(body: String, error: WorkflowError) {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        #expect(throws: error) {
            try TicketOperations.addWorklog(
                body, visibility: .internal, to: ticket, by: WorkflowActorKind.handler.actor, at: now, rules: rules)
        }
    }

    @Test("R4.6 a workaround with an ETA is recorded for the requester to see")
    func workaroundWithETA() throws {
        // given
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        let eta = WorkflowFixture.at("2026-03-06T18:00:00+08:00")

        // when
        let change = try TicketOperations.setWorkaround(
            "  先用二楼打印机 ", eta: eta, on: ticket, by: WorkflowActorKind.handler.actor, at: now)

        // then
        #expect(change.ticket.workaround == "先用二楼打印机")
        #expect(change.ticket.workaroundEta == eta)
        #expect(change.events.count == 1)
        #expect(change.events[0].kind == .workaround)
        #expect(change.events[0].body == "先用二楼打印机")
        #expect(change.events[0].visibility == .public)
        #expect(change.events[0].data == ["eta": "2026-03-06T10:00:00Z"])
        #expect(change.ticket.version == ticket.version + 1)
    }

    @Test("R4.6 a workaround without an ETA clears a previous one")
    func workaroundWithoutETA() throws {
        var ticket = WorkflowFixture.ticket(status: .blocked)
        ticket.workaroundEta = now
        let change = try TicketOperations.setWorkaround(
            "重启后可用", eta: nil, on: ticket, by: WorkflowActorKind.supervisor.actor, at: now)
        #expect(change.ticket.workaroundEta == nil)
        #expect(change.events[0].data.isEmpty)
    }

    @Test(
        "R4.6 workaround refusals",
        arguments: [
            (WorkflowActorKind.owner, TicketStatus.inProgress, "重启", WorkflowError.forbidden(action: "workaround")),
            (.outsideAgent, .inProgress, "重启", .forbidden(action: "workaround")),
            (.handler, .resolved, "重启", .ticketClosed),
            (.handler, .closed, "重启", .ticketClosed),
            (.handler, .inProgress, "  ", .fieldRequired("workaround")),
            (.handler, .inProgress, String(repeating: "x", count: 20_001), .invalidValue(field: "workaround")),
        ])
    func workaroundRefused(kind: WorkflowActorKind, status: TicketStatus, text: String, error: WorkflowError) {
        let ticket = WorkflowFixture.ticket(status: status)
        #expect(throws: error) {
            try TicketOperations.setWorkaround(text, eta: nil, on: ticket, by: kind.actor, at: now)
        }
    }
}

// MARK: - Priority and category

@Suite("Ticket operations: priority and category")
struct PriorityAndCategoryTests {
    let now = WorkflowFixture.now
    let rules = WorkflowFixture.rules

    @Test(
        "R2.3 only the problem manager, supervisor and admin set the priority",
        arguments: [
            (WorkflowActorKind.owner, false), (.otherRequester, false), (.handler, false), (.groupAgent, false),
            (.outsideAgent, false), (.problemManager, true), (.supervisor, true), (.admin, true),
        ])
    func priorityPermissions(kind: WorkflowActorKind, allowed: Bool) throws {
        let ticket = WorkflowFixture.ticket(status: .new, priority: .p2)
        if allowed {
            let change = try TicketOperations.changePriority(
                to: .p1, reason: "影响整个销售部", on: ticket, by: kind.actor, at: now, rules: rules)
            #expect(change.ticket.priority == .p1)
        } else {
            #expect(throws: WorkflowError.forbidden(action: "priority")) {
                try TicketOperations.changePriority(
                    to: .p1, reason: "影响整个销售部", on: ticket, by: kind.actor, at: now, rules: rules)
            }
        }
    }

    @Test("R2.3 changing the priority needs a reason", arguments: [String?.none, "", "  \t"])
    func changeNeedsReason(reason: String?) {
        let ticket = WorkflowFixture.ticket(status: .new, priority: .p2)
        #expect(throws: WorkflowError.reasonRequired(action: "priority")) {
            try TicketOperations.changePriority(
                to: .p0, reason: reason, on: ticket, by: WorkflowActorKind.problemManager.actor, at: now, rules: rules)
        }
    }

    @Test(
        "R2.3 confirming the suggested priority needs no reason and leaves the SLA alone",
        arguments: Priority.allCases)
    func confirmWithoutReason(priority: Priority) throws {
        // given
        let ticket = WorkflowFixture.ticket(status: .new, priority: priority)

        // when
        let change = try TicketOperations.changePriority(
            to: priority, reason: nil, on: ticket, by: WorkflowActorKind.problemManager.actor, at: now, rules: rules)

        // then
        #expect(change.ticket.priority == priority)
        #expect(change.ticket.priorityConfirmed)
        #expect(change.ticket.sla == ticket.sla)
        #expect(change.events.count == 1)
        #expect(change.events[0].kind == .priorityChanged)
        #expect(change.events[0].reason == nil)
        // R2.4: graded under the current matrix (version 1 here); medium and medium suggest P2.
        let expected = [
            "from": priority.rawValue, "to": priority.rawValue, "matrix_version": "1", "from_matrix_version": "1",
            "matrix_suggests": "P2",
        ]
        #expect(change.events[0].data == expected)
    }

    @Test("R2.3 a change is logged as an internal event with its reason")
    func changeLogged() throws {
        let ticket = WorkflowFixture.ticket(status: .inProgress, priority: .p2)
        let change = try TicketOperations.changePriority(
            to: .p0, reason: "  支付通道中断 ", on: ticket, by: WorkflowActorKind.supervisor.actor, at: now, rules: rules)
        let event = try #require(change.events.first)
        #expect(change.events.count == 1)
        #expect(event.kind == .priorityChanged)
        #expect(event.visibility == .internal)
        #expect(event.reason == "支付通道中断")
        #expect(event.data["from"] == "P2" && event.data["to"] == "P0")
        #expect(event.data["matrix_version"] == "1" && event.data["from_matrix_version"] == "1")
        #expect(event.actorId == WorkflowActorKind.supervisor.actor.id)
        #expect(change.ticket.suggestedPriority == .p2)
        #expect(change.ticket.priorityConfirmed)
        #expect(change.ticket.version == ticket.version + 1)
    }

    @Test(
        "R2.3 R3.1 a priority change moves the SLA due dates (opened Wed 09:00)",
        arguments: [
            // (from, to, response due, resolution due, hard limit due)
            (Priority.p2, Priority.p1, "2026-03-04T14:00:00+08:00", "2026-03-04T18:00:00+08:00", String?.none),
            (.p2, .p0, "2026-03-04T09:30:00+08:00", "2026-03-04T11:00:00+08:00", "2026-03-04T13:00:00+08:00"),
            (.p2, .p3, "2026-03-06T18:00:00+08:00", "2026-03-06T18:00:00+08:00", nil),
            (.p1, .p2, "2026-03-04T18:00:00+08:00", "2026-03-06T18:00:00+08:00", nil),
            (.p0, .p3, "2026-03-06T18:00:00+08:00", "2026-03-06T18:00:00+08:00", nil),
        ])
    func priorityMovesDueDates(
        from: Priority, to: Priority, responseDue: String, resolutionDue: String, hardLimitDue: String?
    ) throws {
        // given
        let ticket = WorkflowFixture.ticket(status: .inProgress, priority: from)
        let before = WorkflowFixture.sla(ticket, at: now)

        // when
        let change = try TicketOperations.changePriority(
            to: to, reason: "重新评估", on: ticket, by: WorkflowActorKind.problemManager.actor, at: now, rules: rules)
        let after = WorkflowFixture.sla(change.ticket, at: now)

        // then
        #expect(before.priority == from)
        #expect(after.priority == to)
        #expect(after.responseDueAt != before.responseDueAt)
        #expect(after.responseDueAt == WorkflowFixture.at(responseDue))
        #expect(after.resolutionDueAt == WorkflowFixture.at(resolutionDue))
        #expect(after.hardLimitDueAt == hardLimitDue.map(WorkflowFixture.at))
    }

    @Test("R2.3 time already consumed stays consumed after raising to P0")
    func consumedTimeKept() throws {
        // given: opened 09:00, running for an hour
        let ticket = WorkflowFixture.ticket(status: .inProgress, priority: .p3)

        // when
        let change = try TicketOperations.changePriority(
            to: .p0, reason: "核心业务中断", on: ticket, by: WorkflowActorKind.problemManager.actor, at: now, rules: rules)

        // then: P0 allows 30 min response and 2 h resolution, wall clock, from 09:00
        let state = WorkflowFixture.sla(change.ticket, at: now)
        #expect(state.responseBreached)
        #expect(state.responseRemainingMinutes == -30)
        #expect(state.resolutionRemainingMinutes == 60)
        #expect(!state.resolutionBreached)
    }

    @Test("A closed ticket's priority cannot change")
    func closedPriority() {
        let ticket = WorkflowFixture.ticket(status: .closed)
        #expect(throws: WorkflowError.ticketClosed) {
            try TicketOperations.changePriority(
                to: .p0, reason: "补录", on: ticket, by: WorkflowActorKind.admin.actor, at: now, rules: rules)
        }
    }

    @Test(
        "R2.1 staff who see the ticket may re-categorise it",
        arguments: [
            (WorkflowActorKind.owner, false), (.otherRequester, false), (.handler, true), (.groupAgent, true),
            (.outsideAgent, false), (.problemManager, true), (.supervisor, true), (.admin, true),
        ])
    func categoryPermissions(kind: WorkflowActorKind, allowed: Bool) throws {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        if allowed {
            let change = try TicketOperations.changeCategory(
                categoryId: 5, subcategoryId: nil, groupId: nil, reason: nil, on: ticket, by: kind.actor, at: now)
            #expect(change.ticket.categoryId == 5)
        } else {
            #expect(throws: WorkflowError.forbidden(action: "category")) {
                try TicketOperations.changeCategory(
                    categoryId: 5, subcategoryId: nil, groupId: nil, reason: nil, on: ticket, by: kind.actor, at: now)
            }
        }
    }

    @Test("R2.1 re-categorising records old and new category and may move the group")
    func changeCategory() throws {
        // given
        var ticket = WorkflowFixture.ticket(status: .inProgress)
        ticket.categoryId = 3
        ticket.subcategoryId = 31

        // when
        let moved = try TicketOperations.changeCategory(
            categoryId: 4, subcategoryId: 41, groupId: 20, reason: " 属于网络问题 ", on: ticket,
            by: WorkflowActorKind.problemManager.actor, at: now)
        let kept = try TicketOperations.changeCategory(
            categoryId: 4, subcategoryId: nil, groupId: nil, reason: "  ", on: ticket,
            by: WorkflowActorKind.handler.actor, at: now)

        // then
        #expect(moved.ticket.categoryId == 4)
        #expect(moved.ticket.subcategoryId == 41)
        #expect(moved.ticket.groupId == 20)
        #expect(moved.events.count == 1)
        #expect(moved.events[0].kind == .categoryChanged)
        #expect(moved.events[0].visibility == .internal)
        #expect(moved.events[0].reason == "属于网络问题")
        #expect(moved.events[0].data == ["category_id": "4", "subcategory_id": "41", "from_category_id": "3"])
        #expect(kept.ticket.groupId == WorkflowFixture.groupId)
        #expect(kept.ticket.subcategoryId == nil)
        #expect(kept.events[0].reason == nil)
        #expect(kept.events[0].data == ["category_id": "4", "from_category_id": "3"])
    }

    @Test("A closed ticket cannot be re-categorised")
    func closedCategory() {
        let ticket = WorkflowFixture.ticket(status: .closed)
        #expect(throws: WorkflowError.ticketClosed) {
            try TicketOperations.changeCategory(
                categoryId: 4, subcategoryId: nil, groupId: nil, reason: nil, on: ticket,
                by: WorkflowActorKind.supervisor.actor, at: now)
        }
    }
}
