import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Reply templates (R8.1, ``ReplyTemplateService``): the library for staff, its editing for
/// admins, and a template filled in for one ticket.
struct ReplyTemplateRoutes {
    let replies: ReplyTemplateService

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("reply-templates") { request, context in
            let active = try QueryParsing.bool(request.uri.queryParameters.get("active"), "active") ?? false
            return Items(items: try await replies.list(activeOnly: active, for: try context.requireUser()))
        }
        group.post("admin/reply-templates") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(ReplyTemplateService.Command.self, context: context)
            return EditedResponse(status: .created, response: try await replies.save(0, command, by: admin))
        }
        group.put("admin/reply-templates/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "reply_template")
            let command = try await request.decodeJSON(ReplyTemplateService.Command.self, context: context)
            return try await replies.save(id, command, by: admin)
        }
        group.delete("admin/reply-templates/:id") { _, context in
            let admin = try context.requireUser()
            try await replies.delete(try context.parameters.id(resource: "reply_template"), by: admin)
            return Response(status: .noContent)
        }
        group.get("tickets/:number/reply-templates/:id") { request, context in
            let user = try context.requireUser()
            let id = try context.parameters.id(resource: "reply_template")
            let locale = request.uri.queryParameters.get("locale").flatMap { $0.isEmpty ? nil : $0 }
            guard locale.map(User.locales.contains) ?? true else { throw APIError.invalidParameter("locale") }
            return try await replies.render(
                id, ticket: try context.parameters.require("number"), locale: locale, for: user)
        }
    }
}

extension ReplyTemplate: ResponseEncodable {}
extension ReplyTemplateService.Rendered: ResponseEncodable {}
