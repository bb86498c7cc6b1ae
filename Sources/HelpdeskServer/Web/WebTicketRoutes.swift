import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/tickets/{number}`: the ticket page for everyone who may see it, and its forms. Every
/// change goes through ``TicketService``, the same use cases the API runs; the page offers
/// exactly the workflow actions `Workflow.availableActions` allows this user now.
struct WebTicketRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number", use: show)
        group.post("tickets/:number/actions", use: transition)
        group.post("tickets/:number/verification") { request, context in
            try await change(request, context) { ref, form, user in
                guard let passed = form["passed"], ["true", "false"].contains(passed) else {
                    throw APIError.invalidValue("passed")
                }
                _ = try await deps.tickets.verify(
                    ref, VerificationCommand(passed: passed == "true", reason: form.text("reason")), by: user)
            }
        }
        group.post("tickets/:number/worklog", use: worklog)
        group.post("tickets/:number/workaround", use: workaround)
        group.post("tickets/:number/plan", use: plan)
        group.post("tickets/:number/info-request") { request, context in
            try await change(request, context) { ref, form, user in
                _ = try await deps.services.handling.requestInfo(
                    ref, fields: form.all("fields").filter { !$0.isEmpty }, note: form.text("note"), by: user)
            }
        }
        group.post("tickets/:number/information-check") { request, context in
            try await change(request, context) { ref, _, user in
                _ = try await deps.services.handling.checkInformation(ref, by: user)
            }
        }
        group.post("tickets/:number/details") { request, context in
            try await change(request, context) { ref, form, user in
                // Each requested field is posted as `detail_<key>`, as on the intake form.
                var details: [String: String] = [:]
                for (name, values) in form.fields where name.hasPrefix("detail_") {
                    details[String(name.dropFirst("detail_".count))] = values.first ?? ""
                }
                _ = try await deps.services.handling.provideInfo(
                    ref, details: details, note: form.text("note"), by: user)
            }
        }
        group.post("tickets/:number/priority", use: priority)
        group.post("tickets/:number/category", use: category)
        group.post("tickets/:number/extensions", use: requestExtension)
        group.post("tickets/:number/extensions/:id/decision", use: decideExtension)
        group.post("tickets/:number/breach-cause") { request, context in
            try await change(request, context) { ref, form, user in
                _ = try await deps.services.handling.recordBreachCause(ref, cause: form.text("cause"), by: user)
            }
        }
        group.post("tickets/:number/collaborators") { request, context in
            try await change(request, context) { ref, form, user in
                _ = try await deps.services.handling.askCollaborator(
                    ref, groupId: form.int("groupId"), contact: form.text("contact"), question: form.text("question"),
                    by: user)
            }
        }
        group.post("tickets/:number/collaborators/:id/answer", use: answerCollaboration)
        group.post("tickets/:number/major-incident") { request, context in
            try await change(request, context) { ref, _, user in
                _ = try await deps.services.handling.declareMajorIncident(ref, by: user)
            }
        }
        group.post("tickets/:number/linked") { request, context in
            try await change(request, context) { ref, form, user in
                let numbers = (form.text("numbers") ?? "").split(whereSeparator: { ", ，、\n\r\t".contains($0) })
                    .map(String.init)
                _ = try await deps.services.handling.link(numbers, to: ref.number, by: user)
            }
        }
        group.post("tickets/:number/broadcasts", use: broadcast)
        group.post("tickets/:number/approval") { request, context in
            try await change(request, context) { ref, form, user in
                _ = try await deps.services.handling.requestApproval(
                    ref, change: form.text("change"), approverId: form.int("approverId"), by: user)
            }
        }
        group.post("tickets/:number/approval/decision") { request, context in
            try await change(request, context) { ref, form, user in
                guard let decision = form["decision"], ["approve", "reject"].contains(decision) else {
                    throw APIError.invalidValue("decision")
                }
                _ = try await deps.services.handling.decideApproval(
                    ref, approve: decision == "approve", note: form.text("note"), by: user)
            }
        }
    }

    @Sendable func show(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let (view, events) = try await deps.tickets.history(try context.parameters.require("number"), for: user)
        let original = view.ticket
        let rules = view.rules
        let ticket = Access.presented(original, to: user.actor)
        let views = try await deps.views(page)
        let now = deps.clock.now()
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        let attachments = try await deps.services.attachments.attachments(of: original)
        // An asked collaborator reads and answers; every other form is for the ticket's own people.
        let collaboratorOnly = Access.viewsOnlyAsCollaborator(original, user.actor)
        let available =
            collaboratorOnly ? [] : Workflow.availableActions(for: original, by: user.actor, at: now, rules: rules)
        // The verifier's outcome has a section of its own (R5.1).
        let actions = available.filter { $0 != .verify && $0 != .failVerification }
        let calendar = rules.calendar
        let collaboration = views.collaboration(of: original, for: user, calendar: calendar)
        let incident = original.majorIncident == true && user.role.isStaff
        let linked = incident ? try await deps.services.handling.linked(to: original.number, for: user) : []
        let departments =
            incident && MajorIncidents.mayBroadcast(original, by: user.actor)
            ? try await deps.services.directory.departments(for: user) : []
        let majorIncident =
            collaboratorOnly
            ? nil
            : views.majorIncident(
                of: original, linked: linked, departments: departments, events: events, for: user, calendar: calendar)
        let masked = !Access.hasFullAccess(original, by: user.actor)
        let canWork = user.role.isStaff && ticket.status.acceptsChanges && !collaboratorOnly
        let reply = canWork ? try await replyPicker(request, view: view, user: user, views: views) : nil
        let details = Set(ticket.type.requiredDetails).union(ticket.details.keys).sorted().map {
            TicketPage.Detail(label: views.t("detail.\($0)"), value: ticket.details[$0] ?? "—")
        }
        var model = TicketPage(
            number: ticket.number, version: ticket.version, ticketTitle: ticket.title, description: ticket.description,
            details: details, type: views.t("ui.type.\(ticket.type.rawValue)"),
            status: views.t("status.\(ticket.status.rawValue)"), statusKey: ticket.status.rawValue,
            priority: ticket.priority.rawValue, priorityLabel: views.t("ui.priority.\(ticket.priority.rawValue)"),
            tier: ticket.tier.rawValue, requester: ticket.requester.name,
            department: ticket.requester.department.flatMap { $0.isEmpty ? nil : $0 }, contact: ticket.contact,
            masked: masked, channel: views.t("ui.channel.\(ticket.channel.rawValue)"),
            category: [views.categoryName(ticket.categoryId), views.categoryName(ticket.subcategoryId)]
                .filter { !$0.isEmpty }.joined(separator: " / "),
            group: views.groupName(ticket.groupId), assignee: views.userName(ticket.assigneeId),
            submitted: views.time(ticket.submittedAt, calendar),
            received: views.time(ticket.receivedOrSubmittedAt, calendar),
            matrixVersion: ticket.gradedUnderMatrixVersion,
            informationCheck: user.role.isStaff && !collaboratorOnly
                ? TicketPage.InformationCheck(
                    checkedAt: ticket.informationCheckedAt.map { views.time($0, calendar) },
                    canCheck: Registration.mayCheckInformation(original, by: user.actor)) : nil,
            affectedSystem: ticket.affectedSystem ?? "",
            sla: views.sla(state, status: ticket.status, calendar: calendar),
            responseDue: views.time(state.responseDueAt, calendar),
            respondedAt: state.respondedAt.map { views.time($0, calendar) },
            resolutionDue: views.time(state.resolutionDueAt, calendar),
            pausedMinutes: state.pausedMinutes > 0 ? views.duration(state.pausedMinutes) : nil,
            workaround: ticket.workaround, workaroundEta: ticket.workaroundEta.map { views.time($0, calendar) },
            solution: ticket.solution, rootCause: ticket.rootCause,
            satisfaction: ticket.satisfaction.map {
                TicketPage.Satisfaction(
                    level: views.t("ui.satisfaction.\($0.level.rawValue)"), score: $0.score, comment: $0.comment ?? "")
            },
            closeReason: ticket.closeReason,
            events: events.map { views.event($0, calendar: calendar) },
            attachments: attachments.map {
                TicketPage.Attachment(
                    id: $0.id, filename: $0.filename,
                    size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file))
            },
            actions: actionForms(actions, ticket: original, views: views), hasActions: !actions.isEmpty,
            canWork: canWork,
            canReprioritise: user.role.seesAllTickets && ticket.status.acceptsChanges,
            // A colleague reading a department ticket (R9.1) changes nothing on it.
            canAttach: ticket.status.acceptsChanges && !collaboratorOnly
                && (user.role.isStaff || ticket.requester.userId == user.id), archived: ticket.status == .archived,
            timeline: user.role.isStaff
                ? views.timeline(
                    SLAExplanation(ticket: original, events: events, rules: rules, now: now), events: events,
                    calendar: calendar) : nil,
            extensions: user.role.isStaff && !collaboratorOnly
                ? views.extensions(of: original, for: user, calendar: calendar) : nil,
            collaboration: collaboration.visible ? collaboration : nil, majorIncident: majorIncident,
            plan: views.plan(of: ticket, for: user, calendar: calendar, canRecord: !collaboratorOnly),
            outOfScope: ticket.outOfScope == true,
            infoRequest: views.infoRequest(of: original, for: user, calendar: calendar, canAct: !collaboratorOnly),
            replies: reply?.section, worklogDraft: reply?.text ?? "", worklogPublic: reply?.text != nil,
            priorities: TicketViews.options(
                Priority.allCases.map { ($0.rawValue, views.t("ui.priority.\($0.rawValue)")) },
                selected: ticket.priority.rawValue),
            categories: TicketViews.options(
                views.categories.values.filter(\.active).sorted {
                    ($0.parentId ?? $0.id, $0.id) < ($1.parentId ?? $1.id, $1.id)
                }
                .map {
                    (
                        String($0.id),
                        ($0.parentId.map { views.categoryName($0) + " / " } ?? "") + views.categoryName($0.id)
                    )
                },
                selected: ticket.subcategoryId.map(String.init) ?? ticket.categoryId.map(String.init)),
            maxMB: deps.options.maxAttachmentBytes / (1024 * 1024),
            verification: views.verification(of: original, for: user, actions: available, calendar: calendar),
            reviewLink: TicketReview.mayRead(user.actor) && TicketReview.statuses.contains(ticket.status)
                ? "/tickets/\(ticket.number)/review" : nil)
        // The sender's address is the requester's contact: masked where the contact is (R9.2).
        model.messages = try await deps.services.channels.messages(of: original).map { message in
            let html = ChannelService.html(of: message, files: attachments) { "/attachments/\($0.id)" } ?? ""
            return TicketPage.ChannelMessage(
                incoming: message.direction == .incoming, at: TimeFormatting.local(message.receivedAt, calendar),
                from: masked ? Masking.contact(message.from ?? "") : message.from ?? "",
                subject: message.subject ?? "", text: message.text ?? "", html: html, hasHTML: !html.isEmpty,
                files: message.attachments.map { "\($0.name) (\($0.size) B, SHA-256 \($0.sha256.prefix(12))…)" },
                hasFiles: !message.attachments.isEmpty)
        }
        model.hasMessages = !model.messages.isEmpty
        if user.role.isStaff, !collaboratorOnly {
            var knowledge = try await WebKnowledgeRoutes(deps: deps).section(for: original, user: user, page: page)
            knowledge.problems = try await deps.services.problems.problems(ofTicket: original.number, for: user).map {
                TicketKnowledgeSection.ProblemLink(
                    id: $0.id, title: $0.title, status: views.t("status.problem_\($0.status.rawValue)"))
            }
            knowledge.hasProblems = !knowledge.problems.isEmpty
            model.knowledge = knowledge
        }
        return deps.renderer.page(model, page, title: "\(ticket.number) \(ticket.title)")
    }

    /// The active reply templates and, with `?template=ID` (and `locale`), that template filled
    /// in for this ticket as this engineer may see it (R8.1, R9.2).
    func replyPicker(_ request: Request, view: TicketView, user: User, views: TicketViews) async throws
        -> (section: ReplyPickerSection, text: String?)
    {
        let query = request.uri.queryParameters
        let templates = try await deps.services.replies.list(activeOnly: true, for: user)
        let locale = query.get("locale").flatMap { $0.isEmpty ? nil : $0 }
        guard locale.map(User.locales.contains) ?? true else { throw APIError.invalidParameter("locale") }
        var rendered: ReplyTemplateService.Rendered?
        if let id = try QueryParsing.id(query.get("template"), "template") {
            rendered = try await deps.services.replies.render(id, on: view, locale: locale, for: user)
        }
        return (views.replyPicker(templates, chosen: rendered, locale: locale), rendered?.text)
    }

    /// One small form per action this user may take, with the fields that action needs.
    func actionForms(_ actions: [WorkflowAction], ticket: Ticket, views: TicketViews) -> [TicketActionForm] {
        let staff = views.users.values.filter { $0.role.isStaff && $0.active }.sorted { $0.id < $1.id }
        let staffOptions = TicketViews.options(
            staff.map { (String($0.id), "\($0.displayName)\($0.tier.map { " (\($0.rawValue))" } ?? "")") },
            selected: nil)
        let groupOptions = TicketViews.options(
            views.groups.values.sorted { $0.id < $1.id }.map { (String($0.id), views.groupName($0.id)) },
            selected: ticket.groupId.map(String.init))
        let handler = TicketActionForm.Handler(staff: staffOptions, groups: groupOptions)
        return actions.map { action in
            let reasonRequired = Workflow.requiresReason(action, on: ticket)
            return TicketActionForm(
                action: action.rawValue, label: views.t("action.\(action.rawValue)"),
                reason: reasonRequired || action == .wait ? TicketActionForm.Reason(required: reasonRequired) : nil,
                assign: action == .assign ? handler : nil, escalate: action == .escalate ? handler : nil,
                resolve: action == .resolve,
                rate: action == .rate
                    ? TicketActionForm.Rating(
                        levels: TicketViews.options(
                            SatisfactionLevel.allCases.map { ($0.rawValue, views.t("ui.satisfaction.\($0.rawValue)")) },
                            selected: nil),
                        scores: (1...5).reversed().map { TicketActionForm.Rating.Score(value: $0, checked: $0 == 5) })
                    : nil,
                outOfScope: action == .close && (ticket.status == .new || ticket.status == .assigned),
                primary: [.accept, .start, .resolve, .confirm, .review, .close].contains(action))
        }
    }

    /// From the review page (`?back=review`) the review and close come back to it (R5.5).
    @Sendable func transition(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let response = try await change(request, context) { ref, form, user in
            guard let action = form["action"].flatMap(WorkflowAction.init(rawValue:)) else {
                throw APIError.invalidValue("action")
            }
            var satisfaction: Satisfaction?
            if action == .rate, let level = form["level"].flatMap(SatisfactionLevel.init(rawValue:)) {
                satisfaction = Satisfaction(
                    level: level, score: Int(form["score"] ?? "") ?? 0, comment: form.text("comment"))
            }
            let command = TransitionCommand(
                action: action, reason: form.text("reason"), assigneeId: form.int("assigneeId"),
                groupId: form.int("groupId"),
                solution: form.text("solution"), rootCause: form.text("rootCause"), satisfaction: satisfaction,
                outOfScope: action == .close && form["outOfScope"] == "true" ? true : nil)
            _ = try await deps.tickets.transition(ref, command, by: user)
        }
        guard request.uri.queryParameters.get("back") == "review" else { return response }
        return .redirect(to: "/tickets/\(try context.parameters.require("number"))/review")
    }

    @Sendable func worklog(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            let visibility = form["visibility"].flatMap(TicketEvent.Visibility.init(rawValue:))
            _ = try await deps.tickets.addWorklog(
                ref, WorklogCommand(body: form["body"] ?? "", visibility: visibility), by: user)
        }
    }

    @Sendable func workaround(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            let eta = try await localTime(form, "eta", of: ref, for: user)
            _ = try await deps.tickets.setWorkaround(
                ref, WorkaroundCommand(workaround: form["workaround"] ?? "", eta: eta), by: user)
        }
    }

    /// The handling plan (R4.4); the ETA is local time in the ticket's calendar.
    @Sendable func plan(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            let eta = try await localTime(form, "eta", of: ref, for: user)
            guard let kind = form["kind"].flatMap(HandlingPlan.Kind.init(rawValue:)) else {
                throw APIError.invalidValue("kind")
            }
            _ = try await deps.services.handling.recordPlan(
                ref,
                PlanCommand(
                    kind: kind, steps: form.text("steps"), eta: eta, support: form.text("support"),
                    public: form["public"] == "true"),
                by: user)
        }
    }

    @Sendable func priority(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            guard let priority = form["priority"].flatMap(Priority.init(rawValue:)) else {
                throw APIError.invalidValue("priority")
            }
            _ = try await deps.tickets.changePriority(
                ref, PriorityCommand(priority: priority, reason: form.text("reason")), by: user)
        }
    }

    @Sendable func category(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            guard let id = form.int("categoryId") else { throw APIError.invalidValue("categoryId") }
            _ = try await deps.tickets.changeCategory(
                ref, CategoryCommand(categoryId: id, reason: form.text("reason")), by: user)
        }
    }

    /// Reads the form (CSRF checked), runs one ticket use case with the version the page showed,
    /// and goes back to the ticket page.
    /// An asked collaborator may not see the ticket once answered: back to their queue then.
    @Sendable func answerCollaboration(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        let number = try context.parameters.require("number")
        guard let id = Int(context.parameters.get("id") ?? "") else { throw APIError.invalidValue("id") }
        let view = try await deps.services.handling.answerCollaboration(
            TicketRef(number: number), id: id, answer: form.text("answer"), by: user)
        return .redirect(to: Access.canView(view.ticket, by: user.actor) ? "/tickets/\(number)" : "/queues/mine")
    }

    /// The handler asks for a later resolution due time (R3.5).
    @Sendable func requestExtension(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            guard let dueAt = try await localTime(form, "dueAt", of: ref, for: user) else {
                throw APIError.invalidValue("dueAt")
            }
            _ = try await deps.services.handling.requestExtension(
                ref, dueAt: dueAt, reason: form.text("reason"), by: user)
        }
    }

    /// A status update; the expected recovery is local time in the ticket's calendar.
    @Sendable func broadcast(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await change(request, context) { ref, form, user in
            let recovery = try await localTime(form, "expectedRecovery", of: ref, for: user)
            var groupIds: [Int64] = []
            for raw in form.all("groupIds") where !raw.isEmpty {
                guard let id = Int64(raw) else { throw APIError.invalidValue("groupIds") }
                groupIds.append(id)
            }
            _ = try await deps.services.handling.broadcast(
                ref, what: form.text("what"), impact: form.text("impact"), expectedRecovery: recovery,
                audience: BroadcastAudience(groupIds: groupIds, departments: form.all("departments")), by: user)
        }
    }

    /// A supervisor approves or rejects; back to where the form was (the ticket or the list).
    @Sendable func decideExtension(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let response = try await change(request, context) { ref, form, user in
            guard let id = Int64(context.parameters.get("id") ?? ""),
                let approve = form["decision"].map({ $0 == "approve" })
            else { throw APIError.invalidValue("decision") }
            _ = try await deps.services.handling.decideExtension(
                ref, id: Int(id), approve: approve, note: form.text("note"), by: user)
        }
        let back = request.uri.queryParameters.get("back")
        return back == "extensions" ? .redirect(to: "/extensions") : response
    }

    /// A `datetime-local` field read as local time in the ticket's calendar; nil when empty.
    private func localTime(_ form: FormData, _ name: String, of ref: TicketRef, for user: User) async throws -> Date? {
        guard let raw = form.text(name) else { return nil }
        let calendar = try await deps.tickets.view(ref.number, for: user).rules.calendar
        guard let date = TimeFormatting.parseLocal(raw, calendar) else { throw APIError.invalidValue(name) }
        return date
    }

    private func change(
        _ request: Request, _ context: HelpdeskRequestContext,
        _ operation: (TicketRef, FormData, User) async throws -> Void
    ) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        let number = try context.parameters.require("number")
        try await operation(TicketRef(number: number, expectedVersion: form.int("version").map(Int.init)), form, user)
        return .redirect(to: "/tickets/\(number)")
    }
}
