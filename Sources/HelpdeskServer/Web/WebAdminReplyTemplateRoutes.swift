import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/admin/reply-templates`: the reply templates (R8.1) over the same ``ReplyTemplateService``
/// use cases as the API's `admin/reply-templates`.
struct WebAdminReplyTemplateRoutes {
    let deps: WebDependencies
    var replies: ReplyTemplateService { deps.services.replies }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.editable("admin/reply-templates", resource: "reply_template", page: show, save: save)
        group.post("admin/reply-templates/:id/delete") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            _ = try await deps.form(request, context)
            try await replies.delete(try context.parameters.id(resource: "reply_template"), by: admin)
            return Response.redirect(to: "/admin/reply-templates")
        }
    }

    /// The list and the form: blank, or of the template `editing`.
    @Sendable func show(_ request: Request, _ context: HelpdeskRequestContext, editing: Int64?) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let templates = try await replies.list(for: admin)
        var draft: ReplyTemplate?
        if let editing {
            guard let found = templates.first(where: { $0.id == editing }) else {
                throw APIError.notFound("reply_template")
            }
            draft = found
        }
        return render(page, templates: templates, editing: draft)
    }

    @Sendable func save(_ request: Request, _ context: HelpdeskRequestContext, id: Int64) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        let command = ReplyTemplateService.Command(
            name: form["name"] ?? "", nameEn: form.text("nameEn"), body: form["body"] ?? "",
            bodyEn: form["bodyEn"] ?? "", active: form["active"] == "on",
            sortOrder: form.text("sortOrder").map { Int($0) ?? -1 })
        do {
            _ = try await replies.save(id, command, by: admin)
        } catch {
            let message = try deps.refusal(
                error, page, context,
                labels: [
                    "name": "ui.admin.name", "nameEn": "ui.admin.name_en", "body": "ui.replies.body",
                    "bodyEn": "ui.replies.body_en", "sortOrder": "ui.replies.sort_order",
                ])
            let edited = ReplyTemplate(
                id: id, name: command.name, nameEn: command.nameEn, body: command.body, bodyEn: command.bodyEn,
                active: command.active ?? true, sortOrder: max(0, command.sortOrder ?? 0))
            return render(page, templates: try await replies.list(for: admin), editing: edited, error: message)
        }
        return .redirect(to: "/admin/reply-templates")
    }

    /// The page; `editing` with id 0 is a new template refused with `error`.
    func render(_ page: WebPage, templates: [ReplyTemplate], editing: ReplyTemplate?, error: String? = nil) -> Response
    {
        let form = AdminReplyTemplatesPage.Form(
            action: editing.map { $0.id == 0 ? "/admin/reply-templates" : "/admin/reply-templates/\($0.id)" }
                ?? "/admin/reply-templates",
            editedId: editing.flatMap { $0.id == 0 ? nil : $0.id }, name: editing?.name ?? "",
            nameEn: editing?.nameEn ?? "", body: editing?.body ?? "", bodyEn: editing?.bodyEn ?? "",
            active: editing?.active ?? true, sortOrder: editing?.sortOrder ?? 0,
            nameMax: ReplyTemplates.nameMaxLength, bodyMax: ReplyTemplates.bodyMaxLength)
        let model = AdminReplyTemplatesPage(
            templates: templates.map {
                AdminReplyTemplatesPage.Row(
                    id: $0.id, name: $0.name, nameEn: $0.nameEn ?? "", body: $0.body, bodyEn: $0.bodyEn,
                    active: $0.active, sortOrder: $0.sortOrder)
            },
            placeholders: ReplyPlaceholder.allCases.map {
                AdminReplyTemplatesPage.Placeholder(
                    token: "{\($0.rawValue)}",
                    meaning: deps.renderer.text("ui.replies.placeholder.\($0.rawValue)", page))
            },
            form: form, error: error)
        return deps.render(
            model, page, titleKey: "ui.replies.title", status: error == nil ? .ok : .unprocessableContent)
    }
}
