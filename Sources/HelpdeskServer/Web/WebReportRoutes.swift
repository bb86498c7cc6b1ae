import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/reports`: the weekly review and monthly KPIs for staff, and `/reports/tracking.csv`, the
/// period's tracking table, over ``ReportService`` as the API's `/reports/…`.
struct WebReportRoutes {
    let deps: WebDependencies

    enum Kind: String, CaseIterable {
        case week
        case month
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("reports", use: reports)
        group.get("reports/tracking.csv", use: csv)
    }

    @Sendable func reports(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
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
        let model = ReportsView(views: views, user: user, zone: try await service.timeZone()).page(
            report, kind: kind, label: label, groupId: groupId, error: refusal)
        return deps.render(
            model, page, titleKey: "ui.reports.title", status: refusal == nil ? .ok : .unprocessableContent)
    }

    @Sendable func csv(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let parameters = request.uri.queryParameters
        var input = TrackingInput(
            from: try QueryParsing.date(parameters.get("from"), "from"),
            until: try QueryParsing.date(parameters.get("until"), "until"))
        input.filter = ReportFilter(groupId: try QueryParsing.id(parameters.get("groupId"), "groupId"))
        return try await TrackingCSV.response(
            reports: deps.services.reports, input, user: user, localizer: deps.renderer.localizer, locale: page.locale)
    }
}
