import Foundation
import HelpdeskCore
import HelpdeskIM
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// Channels and mail (issue #11, ``ChannelService``): the admin's channels and quarantine,
/// a ticket's channel messages, and the mailgate's intake, authenticated by the channel's
/// own token rather than a user's.
struct ChannelRoutes {
    let channels: ChannelService

    /// The largest raw message the mailgate takes.
    static let maxMessageBytes = 64 * 1024 * 1024
    /// The largest IM callback taken (the platforms' events are a few kilobytes).
    static let maxEventBytes = 1024 * 1024

    func register(on group: RouterGroup<HelpdeskRequestContext>, mailgate: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/channels") { _, context in
            Items(items: try await channels.list(by: try context.requireUser()))
        }
        group.post("admin/channels") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(ChannelService.Command.self, context: context)
            return EditedResponse(status: .created, response: try await channels.create(command, by: admin))
        }
        group.put("admin/channels/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "channel")
            let command = try await request.decodeJSON(ChannelService.Command.self, context: context)
            return try await channels.update(id, command, by: admin)
        }
        group.delete("admin/channels/:id") { _, context in
            let admin = try context.requireUser()
            try await channels.delete(try context.parameters.id(resource: "channel"), by: admin)
            return Response(status: .noContent)
        }
        group.get("admin/channels/:id/identities") { _, context in
            let admin = try context.requireUser()
            return Items(
                items: try await channels.identities(try context.parameters.id(resource: "channel"), by: admin))
        }
        group.put("admin/channels/:id/identities/:externalId") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "channel")
            let command = try await request.decodeJSON(ChannelService.IdentityCommand.self, context: context)
            return try await channels.link(id, externalId: try Self.externalId(context), command, by: admin)
        }
        group.delete("admin/channels/:id/identities/:externalId") { _, context in
            let admin = try context.requireUser()
            try await channels.unlink(
                try context.parameters.id(resource: "channel"), externalId: try Self.externalId(context), by: admin)
            return Response(status: .noContent)
        }
        group.get("admin/mail/quarantine") { _, context in
            Items(items: try await channels.quarantine(by: try context.requireUser()).map(MailMessageResponse.init))
        }
        group.get("admin/mail/quarantine/:id/raw") { _, context in
            let admin = try context.requireUser()
            return ChannelRoutes.rawMail(
                try await channels.raw(try context.parameters.id(resource: "mail_message"), by: admin))
        }
        group.post("admin/mail/quarantine/:id/reprocess") { _, context in
            let admin = try context.requireUser()
            let outcome = try await channels.reprocess(try context.parameters.id(resource: "mail_message"), by: admin)
            return MailOutcomeResponse(outcome)
        }
        group.get("tickets/:number/messages") { _, context in
            let user = try context.requireUser()
            let messages = try await channels.messages(try context.parameters.require("number"), for: user)
            return Items(items: messages.map(MailMessageResponse.init))
        }
        // The mailgate: `helpdesk mailgate` posts one raw message; 200 once it is stored.
        mailgate.post("channels/:id/mail") { request, context in
            let id = try context.parameters.id(resource: "channel")
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
                throw UseCaseError.notFound(resource: "channel")
            }
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            let buffer = try await request.body.collect(upTo: Self.maxMessageBytes)
            let (receipt, outcome) = try await channels.mailgate(
                channelId: id, token: token, raw: Array(buffer.readableBytesView))
            var response = MailOutcomeResponse(outcome)
            response.messageId = receipt.messageId
            response.duplicate = receipt.duplicate
            return response
        }
        // The IM platforms' callbacks, signed by the platform: answered once the message is
        // stored, well inside the platforms' deadlines; the ticket is made off the request.
        for method in [HTTPRequest.Method.get, .post] {
            mailgate.on("channels/:id/events", method: method) { request, context in
                let id = try context.parameters.id(resource: "channel")
                let body =
                    method == .post
                    ? Array(try await request.body.collect(upTo: Self.maxEventBytes).readableBytesView) : []
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                var query: [String: String] = [:]
                for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
                let receipt = try await channels.callback(
                    channelId: id,
                    IMRequest(method: method == .get ? .get : .post, query: query, headers: headers, body: body))
                if let stored = receipt.stored {
                    let (channels, logger) = (channels, context.logger)
                    Task {
                        do {
                            _ = try await channels.process(stored)
                        } catch {
                            // Kept as `received`: the poller's pass over older rows tries again.
                            logger.error(
                                "processing an IM message failed",
                                metadata: ["message": "\(stored.messageId)", "error": "\(String(reflecting: error))"])
                        }
                    }
                }
                var fields = HTTPFields()
                fields[.contentType] = receipt.answer.contentType
                return Response(
                    status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: receipt.answer.body)))
            }
        }
    }
}

extension ChannelRoutes {
    /// A sender's id from the path, percent-decoded (DingTalk's `$:LWCP_v1:$…`, say).
    static func externalId(_ context: HelpdeskRequestContext) throws -> String {
        let raw = try context.parameters.require("externalId")
        return raw.removingPercentEncoding ?? raw
    }

    /// A stored raw message as a download, for the API's and the web's quarantine alike.
    static func rawMail(_ raw: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "message/rfc822"
        headers[.contentDisposition] = "attachment; filename=\"message.eml\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: raw)))
    }
}

/// A channel message as the API shows it.
struct MailMessageResponse: ResponseEncodable, Sendable {
    var id: Int64
    var channelId: Int64?
    var direction: String
    var status: String
    var from: String?
    var to: [String]
    var subject: String?
    var text: String?
    /// The HTML body, sanitised (inline images as `cid:`).
    var html: String?
    var attachments: [MailMessage.File]
    var error: String?
    var receivedAt: Date
    var sha256: String

    init(_ message: MailMessage) {
        id = message.id
        channelId = message.channelId
        direction = message.direction.rawValue
        status = message.status.rawValue
        from = message.from
        to = message.to
        subject = message.subject
        text = message.text
        html = message.html
        attachments = message.attachments
        error = message.error
        receivedAt = message.receivedAt
        sha256 = message.rawSha256
    }
}

/// What intake made of a message: `created` / `replied` with the ticket, `quarantined` with
/// the parser's code, `duplicate`.
struct MailOutcomeResponse: ResponseEncodable, Sendable {
    var outcome: String
    var ticketNumber: String?
    var error: String?
    var messageId: Int64?
    var duplicate: Bool?

    init(_ outcome: MailIntakeOutcome) {
        self.outcome = outcome.name
        switch outcome {
        case .created(let number), .replied(let number), .bounced(let number): ticketNumber = number
        case .quarantined(let error): self.error = error
        case .skipped: break
        }
    }
}

extension ChannelService.View: ResponseEncodable {}
extension ChannelService.IdentityView: ResponseEncodable {}
