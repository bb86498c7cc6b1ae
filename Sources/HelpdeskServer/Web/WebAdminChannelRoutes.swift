import Foundation
import HTTPTypes
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/admin/channels` and `/admin/mail/quarantine/{id}/…`: the channels' health and the
/// quarantine over the same ``ChannelService`` use cases as the API's paths (issue #11).
struct WebAdminChannelRoutes {
    let deps: WebDependencies
    var channels: ChannelService { deps.services.channels }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/channels") { request, context in
            try await show(request, context, outcome: request.uri.queryParameters.get("outcome"))
        }
        // The same command as `POST /api/v1/admin/channels`; a mailgate's token is shown once, on
        // the page this answer renders (never in a URL).
        group.post("admin/channels") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            let form = try await deps.form(request, context)
            let kind = form.text("kind").flatMap(IntakeChannel.Kind.init(rawValue:))
            var settings = ChannelSettings(
                host: form.text("host"), port: form.int("port").map(Int.init), security: form.text("security"),
                username: form.text("username"), password: form.text("password"), folder: form.text("folder"),
                pollSeconds: form.int("pollSeconds").map(Int.init), moveTo: form.text("moveTo"),
                serviceHours: form.text("hours") == "24x7" ? "24x7" : nil,
                calendarId: form.text("hours").flatMap { Int64($0.dropFirst("calendar:".count)) })
            // The form has every kind's fields; the use case keeps only the kind's own.
            for (name, key) in ChannelSettings.imFields { settings[keyPath: key] = form.text(name) }
            let created = try await channels.create(
                .init(kind: kind, name: form["name"] ?? "", settings: settings), by: admin)
            guard let token = created.token else { return Response.redirect(to: "/admin/channels#channels-table") }
            return try await show(request, context, outcome: nil, created: (created.id, token))
        }
        // A sender's IM id linked to an account, or the link removed (the API's identities paths).
        group.post("admin/channels/identities") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            let form = try await deps.form(request, context)
            guard let channel = form.int("channel") else { throw UseCaseError.fieldRequired(field: "channel") }
            _ = try await channels.link(
                channel, externalId: form["externalId"] ?? "", .init(username: form["username"] ?? ""), by: admin)
            return Response.redirect(to: "/admin/channels#identities")
        }
        group.post("admin/channels/:id/identities/delete") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            let form = try await deps.form(request, context)
            try await channels.unlink(
                try context.parameters.id(resource: "channel"), externalId: form["externalId"] ?? "", by: admin)
            return Response.redirect(to: "/admin/channels#identities")
        }
        group.post("admin/channels/:id/delete") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            _ = try await deps.form(request, context)
            try await channels.delete(try context.parameters.id(resource: "channel"), by: admin)
            return Response.redirect(to: "/admin/channels#channels-table")
        }
        group.get("admin/mail/quarantine/:id/raw") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            return ChannelRoutes.rawMail(
                try await channels.raw(try context.parameters.id(resource: "mail_message"), by: admin))
        }
        group.post("admin/mail/quarantine/:id/reprocess") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            _ = try await deps.form(request, context)
            let outcome = try await channels.reprocess(try context.parameters.id(resource: "mail_message"), by: admin)
            return Response.redirect(to: "/admin/channels?outcome=\(outcome.name)#quarantine")
        }
    }

    func show(
        _ request: Request, _ context: HelpdeskRequestContext, outcome: String?,
        created: (id: Int64, token: String)? = nil
    ) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let views = try await deps.views(page)
        let calendars = try await deps.services.configuration.calendars(for: admin)
        let calendar = calendars.first?.calendar ?? .standard
        let list = try await channels.list(by: admin)
        let names = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0.name) })
        let time = { (date: Date?) in date.map { TimeFormatting.local($0, calendar) } ?? "—" }
        // Only an outcome's own name picks a notice (the query string is the reader's to change).
        let known = ["created", "replied", "bounced", "quarantined", "duplicate"]
        var identities: [AdminChannelsPage.Identity] = []
        for channel in list where channel.kind.isIM {
            for identity in try await channels.identities(channel.id, by: admin) {
                identities.append(
                    AdminChannelsPage.Identity(
                        channelId: channel.id, channel: channel.name, externalId: identity.externalId,
                        account: "\(identity.displayName) (\(identity.username))", external: identity.external,
                        linkedAt: time(identity.linkedAt)))
            }
        }
        let imChannels = list.filter(\.kind.isIM).map { AdminChannelsPage.ChannelOption(id: $0.id, name: $0.name) }
        let model = AdminChannelsPage(
            channels: list.map { channel in
                AdminChannelsPage.Row(
                    id: channel.id, name: channel.name, kind: channel.kind.rawValue, active: channel.active,
                    lastSuccess: time(channel.lastSuccessAt),
                    lastError: channel.lastError.map { "\(time(channel.lastErrorAt)) \($0)" } ?? "—",
                    received: channel.receivedCount, quarantined: channel.quarantinedCount, sent: channel.sentCount,
                    callbackURL: channel.callbackPath.map { Self.origin(request) + $0 })
            },
            quarantine: try await channels.quarantine(by: admin).map {
                AdminChannelsPage.Quarantined(
                    id: $0.id, receivedAt: time($0.receivedAt),
                    channel: $0.channelId.flatMap { names[$0] } ?? "—",
                    error: views.t("ui.channels.error.\($0.error ?? "not_a_message")"), sha256: $0.rawSha256)
            },
            identities: identities, imChannels: imChannels, hasIMChannels: !imChannels.isEmpty,
            calendars: calendars.map { AdminChannelsPage.CalendarOption(id: $0.id, name: $0.name) },
            outcome: outcome.flatMap { known.contains($0) ? views.t("ui.channels.outcome.\($0)") : nil },
            createdToken: created?.token,
            mailgateCommand: created.map {
                "HELPDESK_MAILGATE_TOKEN=\($0.token) helpdesk mailgate --url \(Self.origin(request)) --channel \($0.id)"
            })
        return deps.render(model, page, titleKey: "ui.channels.title")
    }

    /// The server's address as the browser reached it, for the MTA's command line and the
    /// IM platforms' callback URL (behind a proxy, the address the platform is given is the proxy's).
    static func origin(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1:8080"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
