import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `GET`, `POST /api/v1/reports/subscriptions` and `DELETE …/{id}`: the signed-in staff
/// member's scheduled report e-mail (``ReportSubscriptionService``).
struct ReportSubscriptionRoutes {
    let subscriptions: ReportSubscriptionService

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("reports/subscriptions") { _, context in
            Items(items: try await subscriptions.subscriptions(for: try context.requireUser()).map(Self.view))
        }
        group.post("reports/subscriptions") { request, context in
            let user = try context.requireUser()
            let command = try await request.decodeJSON(ReportSubscriptionService.Command.self, context: context)
            return EditedResponse(
                status: .created, response: Self.view(try await subscriptions.subscribe(command, for: user)))
        }
        group.delete("reports/subscriptions/:id") { _, context in
            let user = try context.requireUser()
            try await subscriptions.unsubscribe(try context.parameters.id(resource: "report subscription"), by: user)
            return Response(status: .noContent)
        }
    }

    /// A subscription as the API shows it: the kind as the report's path names it.
    struct View: ResponseEncodable {
        var id: Int64
        var kind: String
        var weekday: Int?
        var dayOfMonth: Int?
        var time: String
        var groupId: Int64?
        var nextRunAt: Date
        var lastSentAt: Date?
        var lastPeriod: String?
        var createdAt: Date
    }

    static func view(_ subscription: ReportSubscription) -> View {
        let schedule = subscription.schedule
        return View(
            id: subscription.id, kind: schedule.kind == .week ? "weekly" : "monthly", weekday: schedule.weekday,
            dayOfMonth: schedule.dayOfMonth, time: schedule.timeText, groupId: subscription.groupId,
            nextRunAt: subscription.nextRunAt, lastSentAt: subscription.lastSentAt,
            lastPeriod: subscription.lastPeriod, createdAt: subscription.createdAt)
    }
}
