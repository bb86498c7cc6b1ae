import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// The knowledge base (R6.2, ``KnowledgeService``): `kb/articles` and their revisions, status
/// actions and votes, `kb/suggest` for the intake form, `kb/insights` for staff, and
/// `tickets/{number}/kb-draft`.
struct KnowledgeRoutes {
    let knowledge: KnowledgeService

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("kb/articles") { request, context in
            let user = try context.requireUser()
            var input = try Self.listInput(request)
            input.recordsGap = true
            let hits = try await knowledge.list(input, for: user)
            return KBListResponse(
                items: hits.items.map { KBArticleResponse($0.article, snippet: $0.snippet) },
                nextCursor: hits.nextOffset.map(String.init))
        }
        group.post("kb/articles") { request, context in
            let user = try context.requireUser()
            let command = try await request.decodeJSON(KnowledgeService.Command.self, context: context)
            return EditedResponse(
                status: .created, response: KBArticleResponse(try await knowledge.create(command, by: user)))
        }
        group.get("kb/articles/:id") { request, context in
            let user = try context.requireUser()
            let source = request.uri.queryParameters.get("from")
            guard source == nil || source == "intake" else { throw APIError.invalidParameter("from") }
            return KBArticleResponse(
                try await knowledge.article(try Self.articleId(context), for: user, openedFrom: source))
        }
        group.put("kb/articles/:id") { request, context in
            let user = try context.requireUser()
            let command = try await request.decodeJSON(KnowledgeService.Command.self, context: context)
            return KBArticleResponse(try await knowledge.update(try Self.articleId(context), command, by: user))
        }
        for action in KBAction.allCases {
            group.post("kb/articles/:id/\(action.rawValue)") { request, context in
                let user = try context.requireUser()
                // The body is optional: `{"revision": n}` pins the text the caller read.
                let buffer = try await request.body.collect(upTo: context.maxUploadSize)
                var revision: Int?
                if buffer.readableBytes > 0 {
                    revision = try APICoding.decoder.decode(ActionBody.self, from: buffer).revision
                }
                return KBArticleResponse(
                    try await knowledge.act(try Self.articleId(context), action, revision: revision, by: user))
            }
        }
        group.get("kb/articles/:id/revisions") { _, context in
            let user = try context.requireUser()
            return Items(
                items: try await knowledge.revisions(try Self.articleId(context), for: user).map(
                    KBRevisionResponse.init))
        }
        group.get("kb/articles/:id/revisions/:number") { _, context in
            let user = try context.requireUser()
            return KBRevisionResponse(
                try await knowledge.revision(try Self.articleId(context), number: try Self.number(context), for: user))
        }
        group.get("kb/articles/:id/compare") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            guard let from = parameters.get("from").flatMap(Int.init), from > 0 else {
                throw APIError.invalidParameter("from")
            }
            guard let to = parameters.get("to").flatMap(Int.init), to > 0 else { throw APIError.invalidParameter("to") }
            return KBComparisonResponse(
                try await knowledge.compare(try Self.articleId(context), from: from, to: to, for: user))
        }
        group.post("kb/articles/:id/revisions/:number/restore") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(RestoreBody.self, context: context)
            return KBArticleResponse(
                try await knowledge.restore(
                    try Self.articleId(context), number: try Self.number(context), revision: body.revision, by: user))
        }
        group.post("kb/articles/:id/feedback") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(FeedbackBody.self, context: context)
            return try await knowledge.feedback(
                try Self.articleId(context), helpful: body.helpful, reason: body.reason, by: user)
        }
        group.get("kb/suggest") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let limit = try QueryParsing.limit(
                parameters.get("limit"), default: KnowledgeService.suggestionLimit, range: 1...20)
            let hits = try await knowledge.suggest(parameters.get("q") ?? "", for: user, limit: limit)
            return Items(items: hits.map { KBArticleResponse($0.article, snippet: $0.snippet, brief: true) })
        }
        group.get("kb/review") { _, context in
            let user = try context.requireUser()
            return Items(items: try await knowledge.reviewQueue(for: user).map { KBArticleResponse($0, brief: true) })
        }
        group.get("kb/insights") { request, context in
            let user = try context.requireUser()
            var days = 30
            if let raw = request.uri.queryParameters.get("days"), !raw.isEmpty {
                guard let value = Int(raw), (1...366).contains(value) else { throw APIError.invalidParameter("days") }
                days = value
            }
            return try await knowledge.insights(days: days, for: user)
        }
        group.post("tickets/:number/kb-draft") { _, context in
            let user = try context.requireUser()
            let article = try await knowledge.draft(fromTicket: try context.parameters.require("number"), by: user)
            return EditedResponse(status: .created, response: KBArticleResponse(article))
        }
    }

    struct ActionBody: Decodable {
        let revision: Int?
    }

    /// The revision the editor read, as for an update.
    struct RestoreBody: Decodable {
        let revision: Int
    }

    struct FeedbackBody: Decodable {
        let helpful: Bool
        let reason: String?
    }

    /// A text parameter; empty is absent, longer than `max` characters refused.
    static func text(_ raw: String?, _ name: String, max: Int) throws -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        guard raw.unicodeScalars.count <= max else { throw APIError.invalidParameter(name) }
        return raw
    }

    static func articleId(_ context: HelpdeskRequestContext) throws -> Int64 {
        try context.parameters.id(resource: "kb_article")
    }

    static func number(_ context: HelpdeskRequestContext) throws -> Int {
        Int(try context.parameters.id("number", resource: "kb_revision"))
    }

    static func listInput(_ request: Request) throws -> KnowledgeService.ListInput {
        let parameters = request.uri.queryParameters
        var input = KnowledgeService.ListInput()
        input.query = parameters.get("q")
        input.status = try QueryParsing.value(parameters.get("status"), "status", as: KBStatus.self)
        input.visibility = try QueryParsing.value(parameters.get("visibility"), "visibility", as: KBVisibility.self)
        input.categoryId = try QueryParsing.id(parameters.get("categoryId"), "categoryId")
        input.tag = try Self.text(parameters.get("tag"), "tag", max: Knowledge.tagMaxLength)
        input.ticketNumber = try Self.text(parameters.get("ticket"), "ticket", max: 64)
        input.order = try QueryParsing.value(parameters.get("order"), "order", as: KBQuery.Order.self)
        input.limit = try QueryParsing.limit(parameters.get("limit"), default: 20, range: KnowledgeService.limits)
        input.offset = try QueryParsing.offset(parameters.get("cursor"))
        return input
    }
}

extension KBVotes: ResponseEncodable {}
extension KBInsights: ResponseEncodable {}
