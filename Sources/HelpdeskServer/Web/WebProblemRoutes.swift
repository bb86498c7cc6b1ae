import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/problems`: problem records (R6.3, R7.4) over the same ``ProblemService`` as the API's
/// `problems/…`, on the same paths: the list with the detection button and the form opening one,
/// a record with its evidence, tickets, decision forms, texts and status.
struct WebProblemRoutes {
    let deps: WebDependencies
    var problems: ProblemService { deps.services.problems }

    /// What `?done=` may say after a redirect.
    static let notices: Set<String> = ["saved", "confirmed", "rejected", "created", "detected", "resolved"]

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("problems", use: list)
        group.post("problems") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let form = try await deps.form(request, context)
            do {
                let created = try await problems.create(
                    ProblemService.Command(title: form["title"], ticketNumbers: Self.numbers(form["ticketNumbers"])),
                    by: user)
                return Response.redirect(to: "/problems/\(created.id)?done=created")
            } catch {
                let message = try deps.refusal(
                    error, page, context,
                    labels: ["title": "ui.kb.field_title", "ticketNumbers": "ui.problems.ticket_numbers"])
                return try await list(request, context: context, error: message)
            }
        }
        group.post("problems/detect") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            _ = try await deps.form(request, context)
            let detection = try await problems.detect(by: user)
            return Response.redirect(
                to:
                    "/problems?status=proposed&done=detected&count=\(detection.proposed.count + detection.updated.count)"
            )
        }
        group.get("problems/:id") { request, context in
            let page = try await deps.page(request, context)
            let done = request.uri.queryParameters.get("done").flatMap { Self.notices.contains($0) ? $0 : nil }
            return try await show(
                page, id: try Self.id(context), notice: done.map { deps.renderer.text("ui.problems.done.\($0)", page) })
        }
        group.get("problems/:id/retrospective", use: retrospective)
        group.post("problems/:id") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let form = try await deps.form(request, context, limit: 256 * 1024)
            let id = try Self.id(context)
            let command = ProblemService.Command(
                title: form["title"], status: form["status"].flatMap(ProblemStatus.init(rawValue:)),
                rootCause: form["rootCause"], workaround: form["workaround"], permanentFix: form["permanentFix"],
                preventiveActions: form["preventiveActions"], ticketNumbers: Self.numbers(form["ticketNumbers"]),
                version: form.int("version").map(Int.init))
            do {
                _ = try await problems.update(id, command, by: user)
            } catch {
                let message = try deps.refusal(
                    error, page, context,
                    labels: [
                        "title": "ui.kb.field_title", "rootCause": "ui.problems.root_cause",
                        "workaround": "ui.problems.workaround", "permanentFix": "ui.problems.permanent_fix",
                        "preventiveActions": "ui.problems.preventive_actions",
                        "ticketNumbers": "ui.problems.ticket_numbers",
                    ])
                return try await show(
                    page, id: id, error: message, status: ErrorMapping.map(error, logger: context.logger).status)
            }
            return Response.redirect(to: "/problems/\(id)?done=saved")
        }
        group.post("problems/:id/confirm") { request, context in
            try await decide(request, context, confirm: true)
        }
        group.post("problems/:id/reject") { request, context in
            try await decide(request, context, confirm: false)
        }
        group.post("problems/:id/resolve-tickets") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            _ = try await deps.form(request, context)
            let id = try Self.id(context)
            let outcome = try await problems.resolveTickets(id, by: user)
            let notice = deps.renderer.text(
                "ui.problems.resolved_tickets",
                page, ["resolved": String(outcome.resolved.count), "skipped": String(outcome.skipped.count)])
            return try await show(page, id: id, notice: notice)
        }
    }

    static func id(_ context: HelpdeskRequestContext) throws -> Int64 {
        try context.parameters.id(resource: "problem")
    }

    /// Ticket numbers typed in one field, separated by commas or spaces; nil when the field is absent.
    static func numbers(_ text: String?) -> [String]? {
        text.map { $0.components(separatedBy: CharacterSet(charactersIn: ",，、").union(.whitespacesAndNewlines)) }?
            .filter { !$0.isEmpty }
    }

    func decide(_ request: Request, _ context: HelpdeskRequestContext, confirm: Bool) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        let id = try Self.id(context)
        let version = form.int("version").map(Int.init)
        do {
            if confirm {
                _ = try await problems.confirm(id, version: version, by: user)
            } else {
                _ = try await problems.reject(id, reason: form.text("reason"), version: version, by: user)
            }
        } catch {
            let message = try deps.refusal(error, page, context)
            return try await show(
                page, id: id, error: message, status: ErrorMapping.map(error, logger: context.logger).status)
        }
        return Response.redirect(to: "/problems/\(id)?done=\(confirm ? "confirmed" : "rejected")")
    }

    @Sendable func list(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        try await list(request, context: context, error: nil)
    }

    /// The list; `error` is a refused "open a problem" form's message.
    func list(_ request: Request, context: HelpdeskRequestContext, error: String?) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let parameters = request.uri.queryParameters
        let status = try QueryParsing.value(parameters.get("status"), "status", as: ProblemStatus.self)
        let offset = try QueryParsing.offset(parameters.get("cursor"))
        let found = try await problems.list(status: status, offset: offset, for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        var notice = error
        if parameters.get("done") == "detected" {
            notice = views.t(
                "ui.problems.done.detected",
                ["count": parameters.get("count").flatMap(Int.init).map(String.init) ?? "0"])
        }
        let model = ProblemListPage(
            statuses: TicketViews.options(
                [("", views.t("ui.kb.any_status"))]
                    + ProblemStatus.allCases.map { ($0.rawValue, views.t("status.problem_\($0.rawValue)")) },
                selected: status?.rawValue ?? ""),
            rows: found.items.map {
                ProblemListPage.Row(
                    id: $0.id, title: $0.title, status: views.t("status.problem_\($0.status.rawValue)"),
                    statusKey: $0.status.rawValue, tickets: $0.ticketNumbers.count, system: $0.affectedSystem,
                    updated: TimeFormatting.local($0.updatedAt, zone))
            },
            hasRows: !found.items.isEmpty, manages: Problems.manages(user.role), notice: notice,
            next: found.nextOffset.map { "/problems?status=\(status?.rawValue ?? "")&cursor=\($0)" })
        return deps.render(
            model, page, titleKey: "ui.problems.title", status: error == nil ? .ok : .unprocessableContent)
    }

    func show(
        _ page: WebPage, id: Int64, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try page.requireUser()
        let view = try await problems.view(id, for: user)
        let problem = view.problem
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let editable = problem.status != .proposed && problem.status != .rejected
        let model = ProblemPage(
            id: problem.id, problemTitle: problem.title, status: views.t("status.problem_\(problem.status.rawValue)"),
            statusKey: problem.status.rawValue, version: problem.version,
            owner: problem.ownerId.map { views.userName($0) }, system: problem.affectedSystem,
            evidence: problem.evidence.map {
                ProblemPage.Evidence(
                    terms: $0.sharedTerms,
                    minimum: String(format: "%.2f", $0.minimumSimilarity),
                    mean: String(format: "%.2f", $0.meanSimilarity),
                    from: TimeFormatting.local($0.firstAt, zone), until: TimeFormatting.local($0.lastAt, zone))
            },
            rejectionReason: problem.rejectionReason,
            tickets: view.tickets.map {
                ProblemPage.Ticket(
                    number: $0.number, title: $0.title, status: views.t("status.\($0.status.rawValue)"),
                    statusKey: $0.status.rawValue)
            },
            rootCause: problem.rootCause ?? "", workaround: problem.workaround ?? "",
            permanentFix: problem.permanentFix ?? "", preventiveActions: problem.preventiveActions ?? "",
            ticketNumbers: problem.ticketNumbers.joined(separator: ", "),
            statuses: TicketViews.options(
                [ProblemStatus.investigating, .knownError, .resolved, .closed].map {
                    ($0.rawValue, views.t("status.problem_\($0.rawValue)"))
                }, selected: problem.status.rawValue),
            proposed: problem.status == .proposed, editable: editable, manages: Problems.manages(user.role),
            canResolveTickets: (problem.status == .resolved || problem.status == .closed)
                && problem.permanentFix != nil,
            notice: notice, error: error)
        return deps.renderer.page(model, page, title: "PR-\(problem.id) \(problem.title)", status: status)
    }

    /// The printable retrospective of a problem (R7.4).
    @Sendable func retrospective(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let retro = try await problems.retrospective(try Self.id(context), for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let time = { (date: Date) in TimeFormatting.local(date, zone) }
        var summary = [
            views.t("ui.retro.problem_tickets", ["n": "\(retro.tickets.count)", "open": "\(retro.openTickets)"]),
            views.t("ui.retro.problem_requesters", ["n": "\(retro.affectedRequesters)"]),
        ]
        if let first = retro.firstAt, let last = retro.lastAt, let days = retro.spanDays {
            summary.append(
                views.t("ui.retro.problem_span", ["from": time(first), "until": time(last), "days": "\(days)"]))
        }
        summary.append(views.t("ui.retro.problem_opened", ["at": time(retro.createdAt)]))
        if let owner = retro.ownerId {
            summary.append(views.t("ui.retro.problem_owner", ["name": views.userName(owner)]))
        }
        let model = ProblemRetrospectivePage(
            id: retro.id, problemTitle: retro.title, status: views.t("status.problem_\(retro.status.rawValue)"),
            statusKey: retro.status.rawValue, system: retro.affectedSystem,
            printedAt: views.t("ui.retro.printed_at", ["at": time(deps.clock.now())]),
            summary: summary.map(ProblemRetrospectivePage.Line.init), rootCause: retro.rootCause,
            workaround: retro.workaround, permanentFix: retro.permanentFix, preventiveActions: retro.preventiveActions,
            articles: retro.articles.map { .init(id: $0.id, articleTitle: $0.title) },
            hasArticles: !retro.articles.isEmpty,
            tickets: retro.tickets.map {
                .init(
                    number: $0.number, ticketTitle: $0.title, submitted: $0.submittedAt.map(time) ?? "",
                    status: views.t("status.\($0.status.rawValue)"))
            }, hasTickets: !retro.tickets.isEmpty)
        return deps.render(model, page, titleKey: "ui.retro.problem_title")
    }
}
