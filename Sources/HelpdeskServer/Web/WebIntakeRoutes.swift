import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// `/new`: the requester portal's submit form (type-specific details, R1.3, and attachments)
/// and, for staff, recording a phone or walk-in request on someone's behalf (R1.1); then the
/// acknowledgement page with the number and the expected response time (R1.5).
struct WebIntakeRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("new") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let type = request.uri.queryParameters.get("type").flatMap(TicketType.init(rawValue:)) ?? .fault
            return try await form(page, user: user, type: type, values: FormData(), error: nil)
        }
        group.post("new", use: submit)
        group.get("tickets/:number/submitted", use: acknowledgement)
    }

    func form(_ page: WebPage, user: User, type: TicketType, values: FormData, error: String?) async throws -> Response {
        let views = try await deps.views(page)
        let categories = try await deps.store.categories().filter(\.active)
        var categoryOptions: [(String, String)] = [("", views.t("ui.new.category_unknown"))]
        for top in categories where top.parentId == nil {
            categoryOptions.append((String(top.id), views.categoryName(top.id)))
            for sub in categories where sub.parentId == top.id {
                categoryOptions.append((String(sub.id), "　" + views.categoryName(top.id) + " / " + views.categoryName(sub.id)))
            }
        }
        func levels(_ key: String, _ cases: [String]) -> [[String: Any]] {
            TicketViews.options(cases.map { ($0, views.t("ui.level.\($0)")) }, selected: values[key] ?? "medium")
        }
        var data: [String: Any] = [
            "types": TicketType.allCases.map {
                ["value": $0.rawValue, "label": views.t("ui.type.\($0.rawValue)"), "current": $0 == type]
            },
            "type": type.rawValue, "typeLabel": views.t("ui.type.\(type.rawValue)"),
            "details": type.requiredDetails.map {
                ["key": $0, "label": views.t("detail.\($0)"), "value": values["detail_\($0)"] ?? ""]
            },
            "categories": TicketViews.options(categoryOptions, selected: values["categoryId"]),
            "impacts": levels("impact", Impact.allCases.map(\.rawValue)),
            "urgencies": levels("urgency", Urgency.allCases.map(\.rawValue)),
            "values": values.fields.mapValues { $0.first ?? "" },
            "contact": values["contact"] ?? user.phone ?? user.email ?? "",
            "maxMB": deps.options.maxAttachmentBytes / (1024 * 1024),
            "onBehalf": user.role.isStaff,
            "channels": TicketViews.options(
                [Channel.phone, .walkIn, .email, .im].map { ($0.rawValue, views.t("ui.channel.\($0.rawValue)")) },
                selected: values["channel"]),
        ]
        if let error { data["error"] = error }
        return deps.render("new", page, titleKey: "ui.new.title", data, status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func submit(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context, limit: WebAttachmentRoutes.bodyLimit(deps.options))
        let type = form["type"].flatMap(TicketType.init(rawValue:)) ?? .fault
        var details: [String: String] = [:]
        for key in type.requiredDetails { if let value = form.text("detail_\(key)") { details[key] = value } }
        var requester: RequesterBody?
        if user.role.isStaff, let name = form.text("requesterName") ?? form.text("requesterUsername") {
            var account: User?
            if let username = form.text("requesterUsername") {
                account = try await deps.store.credentials(username: username)?.user
                guard account != nil else { throw APIError(.unprocessableContent, "invalid_reference", ["field": "requester"]) }
            }
            requester = RequesterBody(
                userId: account?.id, name: name, employeeNumber: form.text("employeeNumber"),
                department: form.text("department"), region: form.text("region"), external: form["external"] == "on")
        }
        let body = CreateTicketBody(
            type: type, title: form["title"] ?? "", description: form["description"] ?? "", details: details,
            affectedSystem: form.text("affectedSystem"), contact: form.text("contact"),
            channel: requester == nil ? nil : form["channel"].flatMap(Channel.init(rawValue:)) ?? .phone,
            impact: form["impact"].flatMap(Impact.init(rawValue:)) ?? .medium,
            urgency: form["urgency"].flatMap(Urgency.init(rawValue:)) ?? .medium, categoryId: form.int("categoryId"),
            subcategoryId: nil, groupId: nil, requester: requester)
        let ticket: Ticket
        do {
            try WebAttachmentRoutes.checkSizes(form.files, deps.options)
            ticket = try await deps.service.create(body, by: user).0
        } catch let error as WorkflowError {
            let message = ErrorMiddleware.message(.from(error), localizer: deps.renderer.localizer, locale: page.locale)
            return try await self.form(page, user: user, type: type, values: form, error: message)
        } catch let error as APIError where error.status != .unauthorized {
            let message = ErrorMiddleware.message(error, localizer: deps.renderer.localizer, locale: page.locale)
            return try await self.form(page, user: user, type: type, values: form, error: message)
        }
        try await WebAttachmentRoutes.save(form.files, to: ticket, by: user, deps: deps)
        return .redirect(to: "/tickets/\(ticket.number)/submitted")
    }

    @Sendable func acknowledgement(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let ticket = try await deps.service.visibleTicket(try context.parameters.require("number"), for: user)
        let rules = try await deps.store.rules(policyId: ticket.slaPolicyId)
        let views = try await deps.views(page)
        let state = ticket.sla.state(at: deps.clock.now(), policy: rules.policy, calendar: rules.calendar)
        var data: [String: Any] = [
            "number": ticket.number,
            "message": views.t(
                "ack.message",
                [
                    "number": ticket.number, "response_due": views.time(state.responseDueAt, rules.calendar),
                    "resolution_due": state.resolutionDueAt.map { views.time($0, rules.calendar) } ?? "-",
                ]),
            "priority": views.t("ui.priority.\(ticket.priority.rawValue)"),
            "responseDue": views.time(state.responseDueAt, rules.calendar),
        ]
        if !ticket.missingDetails.isEmpty {
            data["missing"] = views.t(
                "warning.missing_details",
                ["fields": ticket.missingDetails.map { views.t("detail.\($0)") }.joined(separator: page.locale == "en" ? ", " : "、")])
        }
        if TitleStyle.isLong(ticket.title) { data["titleLong"] = views.t("warning.title_long") }
        return deps.render("submitted", page, titleKey: "ui.ack.title", data)
    }
}
