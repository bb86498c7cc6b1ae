import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Attachments: uploaded with a new ticket or on the ticket page, size-limited, and served
/// only to people who may see the ticket. Images show inline; anything else downloads.
struct WebAttachmentRoutes {
    let deps: WebDependencies
    static let inlineTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.post("tickets/:number/attachments", use: upload)
        group.get("attachments/:id", use: download)
    }

    @Sendable func upload(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context, limit: deps.options.uploadBodyLimit)
        let number = try context.parameters.require("number")
        _ = try await deps.tickets.attach(
            TicketRef(number: number), form.uploads, maxBytes: deps.options.maxAttachmentBytes, by: user)
        return .redirect(to: "/tickets/\(number)#attachments")
    }

    @Sendable func download(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let (attachment, data) = try await deps.services.attachments.download(
            try context.parameters.id(resource: "attachment"), for: user)
        var headers = HTTPFields()
        headers[.contentType] = attachment.contentType
        headers[.contentLength] = String(data.count)
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.cacheControl] = "private, no-store"
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        let disposition = Self.inlineTypes.contains(attachment.contentType) ? "inline" : "attachment"
        headers[.init("Content-Disposition")!] = "\(disposition); filename=\"attachment\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
