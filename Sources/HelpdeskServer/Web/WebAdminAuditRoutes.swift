import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/admin/audit`: the audit log for administrators, over the same ``AuditService`` as the API.
struct WebAdminAuditRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/audit", use: audit)
    }

    @Sendable func audit(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let views = try await deps.views(page)
        let calendar = try await deps.services.configuration.calendars(for: admin).first?.calendar ?? .standard
        let parameters = request.uri.queryParameters
        func local(_ name: String) throws -> Date? {
            guard let raw = parameters.get(name), !raw.isEmpty else { return nil }
            guard let date = TimeFormatting.parseLocal(raw, calendar) else { throw APIError.invalidParameter(name) }
            return date
        }
        var query = AuditQuery(
            subjectId: try QueryParsing.id(parameters.get("subject"), "subject"),
            actorId: try QueryParsing.id(parameters.get("actor"), "actor"), since: try local("since"),
            until: try local("until"), before: try QueryParsing.id(parameters.get("cursor"), "cursor"))
        query.limit = 100
        let result = try await deps.services.audit.list(query, for: admin)
        let people = try await deps.services.directory.allUsers(by: admin)
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.displayName) })
        let rows = result.items.map { entry in
            AdminAuditPage.Row(
                at: TimeFormatting.local(entry.at, calendar), actor: entry.actorName,
                action: views.t("audit.action.\(entry.action.rawValue)"), isRead: entry.action.isRead,
                subject: entry.subjectId.map { names[$0] ?? "#\($0)" } ?? "", ticketNumber: entry.ticketNumber,
                target: entry.target ?? "",
                detail: entry.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                    separator: views.t("ui.punct.semicolon")))
        }
        let options = { (selected: Int64?) in
            people.map {
                SelectOption(
                    value: String($0.id),
                    label: views.t("ui.person.option", ["name": $0.displayName, "username": $0.username]),
                    selected: $0.id == selected)
            }
        }
        var older: String?
        if let cursor = result.nextCursor {
            var kept = ["cursor=\(cursor)"]
            for name in ["subject", "actor", "since", "until"] {
                if let value = parameters.get(name), !value.isEmpty,
                    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", ":"]))
                {
                    kept.append("\(name)=\(encoded)")
                }
            }
            older = "/admin/audit?" + kept.joined(separator: "&")
        }
        // The whole chain is recomputed only when asked: it reads every row.
        let check = parameters.get("verify") == "1" ? try await deps.services.audit.verify() : nil
        let verified =
            switch (check, check?.firstBrokenId) {
            case (nil, _): views.t("ui.audit.chain_hint")
            case (let check?, let id?):
                views.t("ui.audit.chain_broken", ["id": String(id), "count": String(check.checked)])
            case (let check?, nil): views.t("ui.audit.chain_intact", ["count": String(check.checked)])
            }
        let model = AdminAuditPage(
            people: options(query.subjectId), actors: options(query.actorId),
            since: parameters.get("since") ?? "", until: parameters.get("until") ?? "", rows: rows, olderLink: older,
            verified: verified, chainBroken: check?.intact == false)
        return deps.render(model, page, titleKey: "ui.admin.audit")
    }
}
