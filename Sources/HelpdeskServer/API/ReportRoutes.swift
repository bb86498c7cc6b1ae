import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `GET /api/v1/reports/weekly`, `…/monthly` and `…/tracking` (R7, ``ReportService``): the
/// weekly review, the monthly KPIs and the response-time tracking table, the last also as CSV and XLSX.
struct ReportRoutes {
    let reports: ReportService
    let localizer: Localizer

    /// What `format=` may name.
    enum Format: String {
        case json
        case csv
        case xlsx
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        for kind in [ReportPeriod.Kind.week, .month] {
            group.get("reports/\(kind == .week ? "weekly" : "monthly")") { request, context in
                let user = try context.requireUser()
                let parameters = request.uri.queryParameters
                let label = Self.label(parameters.get(kind.rawValue))
                let filter = try Self.filter(parameters)
                return PeriodReportResponse(
                    kind == .week
                        ? try await reports.weekly(week: label, filter: filter, for: user)
                        : try await reports.monthly(month: label, filter: filter, for: user))
            }
        }
        group.get("reports/tracking") { request, context -> Response in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            var input = TrackingInput(
                from: try QueryParsing.date(parameters.get("from"), "from"),
                until: try QueryParsing.date(parameters.get("until"), "until"))
            input.filter = try Self.filter(parameters)
            input.priority = try QueryParsing.value(parameters.get("priority"), "priority", as: Priority.self)
            input.categoryId = try QueryParsing.id(parameters.get("categoryId"), "categoryId")
            input.figure = try QueryParsing.figure(parameters.get("figure"))
            input.limit = try QueryParsing.limit(parameters.get("limit"), default: 100, range: 1...500)
            if let cursor = parameters.get("cursor"), !cursor.isEmpty { input.cursor = cursor }
            let format = try QueryParsing.value(parameters.get("format"), "format", as: Format.self) ?? .json
            if let export = TrackingExport(rawValue: format.rawValue) {
                return try await export.response(
                    reports: reports, input, user: user, localizer: localizer, locale: request.locale(for: user))
            }
            input.locale = request.locale(for: user)
            let page = try await reports.tracking(input, for: user)
            return try TrackingPageResponse(items: page.rows, nextCursor: page.nextCursor)
                .response(from: request, context: context)
        }
    }

    /// A period label; surrounding whitespace is not part of it.
    static func label(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func filter(_ parameters: Parameters) throws -> ReportFilter {
        ReportFilter(
            groupId: try QueryParsing.id(parameters.get("groupId"), "groupId"),
            engineerId: try QueryParsing.id(parameters.get("engineerId"), "engineerId"))
    }
}
