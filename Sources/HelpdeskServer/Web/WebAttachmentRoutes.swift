import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// Attachments: uploaded with a new ticket or on the ticket page, size-limited, and served
/// only to people who may see the ticket. Images show inline; anything else downloads.
struct WebAttachmentRoutes {
    let deps: WebDependencies
    static let inlineTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]
    static let maxFiles = 5

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.post("tickets/:number/attachments", use: upload)
        group.get("attachments/:id", use: download)
    }

    /// Room for a few files at the limit plus the form's other fields.
    static func bodyLimit(_ options: WebOptions) -> Int { options.maxAttachmentBytes * 3 + 256 * 1024 }

    static func checkSizes(_ files: [UploadedFile], _ options: WebOptions) throws {
        guard files.count <= maxFiles else { throw APIError.invalidValue("attachments") }
        for file in files where file.data.count > options.maxAttachmentBytes {
            throw APIError(.contentTooLarge, "attachment_too_large", ["max": "\(options.maxAttachmentBytes / (1024 * 1024))"])
        }
    }

    static func save(_ files: [UploadedFile], to ticket: Ticket, by user: User, deps: WebDependencies) async throws {
        for file in files {
            _ = try await deps.store.addAttachment(
                Attachment(
                    ticketId: ticket.id, filename: safeFilename(file.filename), contentType: safeContentType(file.contentType),
                    uploadedBy: user.id),
                data: file.data, now: deps.clock.now())
        }
    }

    /// The last path component, without control characters or quotes, at most 200 characters.
    static func safeFilename(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        return cleaned.isEmpty ? "attachment" : String(cleaned.prefix(200))
    }

    static func safeContentType(_ type: String) -> String {
        let base = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let valid = base.count <= 100 && base.contains("/") && base.allSatisfy { $0.isLetter || $0.isNumber || "/.+-".contains($0) }
        return valid ? base : "application/octet-stream"
    }

    @Sendable func upload(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context, limit: Self.bodyLimit(deps.options))
        let ticket = try await deps.service.visibleTicket(try context.parameters.require("number"), for: user)
        try Self.checkSizes(form.files, deps.options)
        try await Self.save(form.files, to: ticket, by: user, deps: deps)
        return .redirect(to: "/tickets/\(ticket.number)#attachments")
    }

    @Sendable func download(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let id = try context.parameters.id(resource: "attachment")
        // Same answer for a missing attachment and one on a ticket the user may not see.
        guard let (attachment, number, data) = try await deps.store.attachment(id: id),
            let ticket = try await deps.store.ticket(number: number), Access.canView(ticket, by: user.actor)
        else { throw APIError.notFound("attachment") }
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
