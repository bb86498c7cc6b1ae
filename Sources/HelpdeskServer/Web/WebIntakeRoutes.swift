import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/new`: the requester portal's submit form (type-specific details, R1.3, and attachments)
/// and, for staff, recording a phone or walk-in request on someone's behalf (R1.1); then the
/// acknowledgement page with the number and the expected response time (R1.5).
struct WebIntakeRoutes {
    let deps: WebDependencies
    var knowledgePages: WebKnowledgeRoutes { WebKnowledgeRoutes(deps: deps) }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("new") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let type = request.uri.queryParameters.get("type").flatMap(TicketType.init(rawValue:)) ?? .fault
            return try await form(page, user: user, type: type, values: FormData(), error: nil)
        }
        group.post("new", use: submit)
        group.get("new/similar", use: similarFragment)
        group.get("tickets/:number/submitted", use: acknowledgement)
    }

    func form(
        _ page: WebPage, user: User, type: TicketType, values: FormData, error: String?,
        suggestions: KBSuggestionsSection? = nil, similar: SimilarTicketsSection? = nil
    ) async throws -> Response {
        let views = try await deps.views(page)
        let categories = try await deps.services.directory.categories().filter(\.active)
        var categoryOptions: [(String, String)] = [("", views.t("ui.new.category_unknown"))]
        for top in categories where top.parentId == nil {
            categoryOptions.append((String(top.id), views.categoryName(top.id)))
            for sub in categories where sub.parentId == top.id {
                categoryOptions.append(
                    (String(sub.id), "　" + views.categoryName(top.id) + " / " + views.categoryName(sub.id)))
            }
        }
        func levels(_ key: String, _ cases: [String]) -> [SelectOption] {
            TicketViews.options(cases.map { ($0, views.t("ui.level.\($0)")) }, selected: values[key] ?? "medium")
        }
        var model = NewTicketPage(
            types: TicketType.allCases.map {
                NewTicketPage.TypeTab(value: $0.rawValue, label: views.t("ui.type.\($0.rawValue)"), current: $0 == type)
            },
            type: type.rawValue, typeLabel: views.t("ui.type.\(type.rawValue)"),
            details: type.requiredDetails.map {
                NewTicketPage.DetailField(key: $0, label: views.t("detail.\($0)"), value: values["detail_\($0)"] ?? "")
            },
            categories: TicketViews.options(categoryOptions, selected: values["categoryId"]),
            impacts: levels("impact", Impact.allCases.map(\.rawValue)),
            urgencies: levels("urgency", Urgency.allCases.map(\.rawValue)),
            values: values.fields.mapValues { $0.first ?? "" },
            contact: values["contact"] ?? user.phone ?? user.email ?? "",
            maxMB: deps.options.maxAttachmentBytes / (1024 * 1024),
            onBehalf: user.role.isStaff,
            channels: TicketViews.options(
                [Channel.phone, .walkIn, .email, .im].map { ($0.rawValue, views.t("ui.channel.\($0.rawValue)")) },
                selected: values["channel"]),
            error: error)
        model.suggestions = suggestions
        model.similar = similar
        return deps.render(model, page, titleKey: "ui.new.title", status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func submit(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context, limit: deps.options.uploadBodyLimit)
        let type = form["type"].flatMap(TicketType.init(rawValue:)) ?? .fault
        if form["intent"] == "suggest" {
            // Without JavaScript: the articles for what was typed, and the form as it was.
            let text = [form["title"], form["description"]].compactMap { $0 }.joined(separator: "\n")
            let suggestions = try await knowledgePages.suggestions(for: text, user: user, page: page, intake: true)
            let similar =
                user.role.isStaff ? try await similarTickets(for: text, user: user, page: page, linked: form) : nil
            return try await self.form(
                page, user: user, type: type, values: form, error: nil, suggestions: suggestions, similar: similar)
        }
        var details: [String: String] = [:]
        for key in type.requiredDetails { if let value = form.text("detail_\(key)") { details[key] = value } }
        var requester: RequesterDetails?
        if user.role.isStaff, let name = form.text("requesterName") ?? form.text("requesterUsername") {
            requester = RequesterDetails(
                username: form.text("requesterUsername"), name: name, employeeNumber: form.text("employeeNumber"),
                department: form.text("department"), region: form.text("region"), external: form["external"] == "on")
        }
        let submission = TicketSubmission(
            type: type, title: form["title"] ?? "", description: form["description"] ?? "", details: details,
            affectedSystem: form.text("affectedSystem"), contact: form.text("contact"),
            channel: requester == nil ? nil : form["channel"].flatMap(Channel.init(rawValue:)) ?? .phone,
            impact: form["impact"].flatMap(Impact.init(rawValue:)) ?? .medium,
            urgency: form["urgency"].flatMap(Urgency.init(rawValue:)) ?? .medium, categoryId: form.int("categoryId"),
            requester: requester)
        let created: CreatedTicket
        do {
            var submission = submission
            if requester != nil { submission.receivedAt = try await receivedAt(form, for: user) }
            // A major incident ticked among the similar open tickets: this is its duplicate (R8.2).
            if user.role.isStaff { submission.majorIncident = form.text("majorIncident") }
            // The ticket and its files commit together, or neither does.
            created = try await deps.tickets.create(
                submission, attachments: form.uploads, maxAttachmentBytes: deps.options.maxAttachmentBytes, by: user)
        } catch {
            let message = try deps.refusal(error, page, context)
            return try await self.form(page, user: user, type: type, values: form, error: message)
        }
        return .redirect(to: "/tickets/\(created.view.ticket.number)/submitted")
    }

    /// The similar open tickets for `q` alone, for app.js to put beside the intake form.
    @Sendable func similarFragment(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let text = String((request.uri.queryParameters.get("q") ?? "").prefix(KnowledgeService.suggestionTextMax))
        let section = try await similarTickets(for: text, user: user, page: page, linked: nil)
        return deps.renderer.page(section, page, title: "")
    }

    /// The open tickets like `text` the user may see; `linked`: the posted form, whose ticked
    /// major incident stays ticked.
    func similarTickets(for text: String, user: User, page: WebPage, linked: FormData?) async throws
        -> SimilarTicketsSection
    {
        let text = String(text.prefix(KnowledgeService.suggestionTextMax))
        // Nothing typed yet: nothing to compare.
        guard !text.isEmpty else { return SimilarTicketsSection(items: [], hasItems: false) }
        let similar = try await deps.services.search.similarOpen(text, for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let items = similar.map { hit in
            SimilarTicketsSection.Item(
                number: hit.ticket.number, title: hit.ticket.title,
                status: views.t("status.\(hit.ticket.status.rawValue)"),
                submitted: TimeFormatting.local(hit.ticket.submittedAt, zone),
                overlap: views.t(
                    "ui.similar.overlap", ["shared": String(hit.sharedTerms), "total": String(hit.termCount)]),
                snippet: WebSearchRoutes.parts(hit.snippet), majorIncident: hit.majorIncident,
                linked: linked?.text("majorIncident") == hit.ticket.number)
        }
        return SimilarTicketsSection(items: items, hasItems: !items.isEmpty)
    }

    /// When a phone or e-mail request came in (R1.7): the `datetime-local` field read in the current
    /// SLA policy's calendar zone, as intake will use it; nil (now) when empty.
    private func receivedAt(_ form: FormData, for user: User) async throws -> Date? {
        guard let raw = form.text("receivedAt") else { return nil }
        let configuration = deps.services.configuration
        let policy = try await configuration.currentPolicy(for: user)
        let calendars = try await configuration.calendars(for: user)
        guard let calendar = calendars.first(where: { $0.id == policy.calendarId })?.calendar,
            let date = TimeFormatting.parseLocal(raw, calendar)
        else { throw APIError.invalidValue("receivedAt") }
        return date
    }

    /// The same acknowledgement the API answers with, out-of-hours notice included (R1.5, R8.3).
    @Sendable func acknowledgement(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let (view, ack) = try await deps.tickets.acknowledgement(try context.parameters.require("number"), for: user)
        let views = try await deps.views(page)
        let calendar = view.rules.calendar
        let text = AcknowledgementText(localizer: deps.renderer.localizer, locale: page.locale)
        let model = AcknowledgementPage(
            number: ack.number, message: text.message(ack, calendar),
            priority: views.t("ui.priority.\(view.ticket.priority.rawValue)"),
            responseDue: views.time(ack.responseDueAt, calendar),
            outsideHours: ack.lookedAtFrom.map { views.time($0, calendar) }, missing: text.missingDetails(ack),
            titleLong: ack.titleLong ? views.t("warning.title_long") : nil,
            // The best three articles for what was asked (R6.2): the answer may be there already.
            suggestions: knowledgePages.section(
                of: try await deps.services.knowledge.forAcknowledgement(
                    title: view.ticket.title, description: view.ticket.description),
                user: user, page: page, intake: false, newTab: true)
        )
        return deps.render(model, page, titleKey: "ui.ack.title")
    }
}
