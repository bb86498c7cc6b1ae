import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/reports`: the weekly review and monthly KPIs for staff, and `/reports/tracking.csv` and
/// `.xlsx`, the period's tracking table, over ``ReportService`` as the API's `/reports/…`.
struct WebReportRoutes {
    let deps: WebDependencies

    enum Kind: String, CaseIterable {
        case week
        case month
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("reports") { request, context in try await reports(request, context) }
        group.post("reports/subscriptions", use: subscribe)
        group.post("reports/subscriptions/:id/delete") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            _ = try await deps.form(request, context)
            try await deps.services.reportSubscriptions.unsubscribe(
                try context.parameters.id(resource: "report subscription"), by: user)
            return Response.redirect(to: "/reports#report-subscriptions")
        }
        group.get("reports/tickets", use: tickets)
        group.get("reports/tracking.csv") { try await export($0, $1, as: .csv) }
        group.get("reports/tracking.xlsx") { try await export($0, $1, as: .xlsx) }
    }

    /// The reports page; after a refused subscription, with the form's values and the refusal.
    func reports(
        _ request: Request, _ context: HelpdeskRequestContext, draft: ReportSubscriptionDraft = .init(),
        subscriptionError: String? = nil
    ) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "reports") }
        let parameters = request.uri.queryParameters
        let kind = try QueryParsing.value(parameters.get("kind"), "kind", as: Kind.self) ?? .month
        let label = (parameters.get("period") ?? "").trimmingCharacters(in: .whitespaces)
        let groupId = try QueryParsing.id(parameters.get("groupId"), "groupId")
        let views = try await deps.views(page)
        let service = deps.services.reports
        var report: PeriodReport?
        var refusal: String?
        do {
            let filter = ReportFilter(groupId: groupId)
            report =
                kind == .week
                ? try await service.weekly(week: label.isEmpty ? nil : label, filter: filter, for: user)
                : try await service.monthly(month: label.isEmpty ? nil : label, filter: filter, for: user)
        } catch {
            refusal = try deps.refusal(
                error, page, context, labels: ["week": "ui.reports.period", "month": "ui.reports.period"])
        }
        let zone = try await service.timeZone()
        var model = ReportsView(views: views, user: user, zone: zone).page(
            report, kind: kind, label: label, groupId: groupId, error: refusal)
        model.subscriptions = ReportSubscriptionsView(views: views, user: user, zone: zone).section(
            try await deps.services.reportSubscriptions.subscriptions(for: user), draft: draft,
            error: subscriptionError)
        let refused = refusal != nil || subscriptionError != nil
        return deps.render(model, page, titleKey: "ui.reports.title", status: refused ? .unprocessableContent : .ok)
    }

    /// Adds a scheduled e-mail of the weekly review or the monthly KPIs; a refusal shows on the
    /// form with the values sent.
    @Sendable func subscribe(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        let kind = form["kind"] ?? ""
        // The form shows both pickers; the use case reads the one of the kind.
        let command = ReportSubscriptionService.Command(
            kind: kind, weekday: form.int("weekday").map(Int.init), dayOfMonth: form.int("dayOfMonth").map(Int.init),
            time: form["time"] ?? "", groupId: form.int("groupId"))
        let draft = ReportSubscriptionDraft(
            kind: kind, weekday: command.weekday ?? 1, dayOfMonth: command.dayOfMonth ?? 1, time: command.time,
            groupId: command.groupId)
        do {
            _ = try await deps.services.reportSubscriptions.subscribe(command, for: user)
        } catch {
            let message = try deps.refusal(
                error, page, context,
                labels: [
                    "kind": "ui.reports.subscriptions.kind", "weekday": "ui.reports.subscriptions.weekday",
                    "dayOfMonth": "ui.reports.subscriptions.day", "time": "ui.reports.subscriptions.time",
                    "groupId": "ui.reports.group", "email": "ui.admin.email",
                ])
            return try await reports(request, context, draft: draft, subscriptionError: message)
        }
        let shown = kind == "monthly" ? "month" : "week"
        return Response.redirect(to: "/reports?kind=\(shown)#report-subscriptions")
    }

    /// `/reports/tickets`: the tickets one number of a report counts, 100 to a page.
    @Sendable func tickets(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "reports") }
        var input = try Self.input(request.uri.queryParameters)
        input.locale = page.locale
        let figure = input.figure ?? .tickets
        let views = try await deps.views(page)
        let service = deps.services.reports
        let zone = try await service.timeZone()
        var result: TrackingPage?
        var refusal: String?
        do {
            result = try await service.tracking(input, for: user)
        } catch {
            refusal = try deps.refusal(error, page, context)
        }
        input.cursor = nil
        let texts = TrackingTexts(localizer: deps.renderer.localizer, locale: page.locale, timeZone: zone)
        let model = ReportTicketsView(views: views, texts: texts, zone: zone).page(
            result, input: input, figure: FigureTitle(views: views).text(figure), error: refusal)
        return deps.render(
            model, page, titleKey: "ui.reports.tickets_title", status: refusal == nil ? .ok : .unprocessableContent)
    }

    /// The tracking table's query as the report's links write it: period, group, figure, cursor.
    static func input(_ parameters: Parameters) throws -> TrackingInput {
        var input = TrackingInput(
            from: try QueryParsing.date(parameters.get("from"), "from"),
            until: try QueryParsing.date(parameters.get("until"), "until"))
        input.filter = ReportFilter(groupId: try QueryParsing.id(parameters.get("groupId"), "groupId"))
        input.figure = try QueryParsing.figure(parameters.get("figure"))
        if let cursor = parameters.get("cursor"), !cursor.isEmpty { input.cursor = cursor }
        return input
    }

    func export(_ request: Request, _ context: HelpdeskRequestContext, as format: TrackingExport)
        async throws -> Response
    {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        var input = try Self.input(request.uri.queryParameters)
        input.cursor = nil
        return try await format.response(
            reports: deps.services.reports, input, user: user, localizer: deps.renderer.localizer, locale: page.locale)
    }
}
