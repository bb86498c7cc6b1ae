import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/kb`: the knowledge base's pages (R6.2) over the same ``KnowledgeService`` as the API's
/// `kb/…`, on the same paths: the list and search, an article, its editor with preview, its
/// revisions compared and restored, the reviewers' queue, the suggestions the intake form
/// fetches, and `POST /tickets/{number}/kb-draft`.
struct WebKnowledgeRoutes {
    let deps: WebDependencies
    var knowledge: KnowledgeService { deps.services.knowledge }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("kb", use: list)
        group.get("kb/review", use: review)
        group.get("kb/suggest", use: suggest)
        // The articles' collection is the list page.
        group.get("kb/articles") { _, _ in Response.redirect(to: "/kb") }
        group.get("kb/articles/new") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            guard user.role.isStaff else { throw APIError.forbidden("kb_write") }
            let title = request.uri.queryParameters.get("title") ?? ""
            return try await editor(page, article: nil, content: KBContent(title: title), preview: nil, error: nil)
        }
        group.post("kb/articles") { request, context in try await save(request, context, id: nil) }
        group.get("kb/articles/:id") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let source = request.uri.queryParameters.get("from") == "intake" ? "intake" : nil
            let article = try await knowledge.article(try Self.id(context), for: user, openedFrom: source)
            let done = request.uri.queryParameters.get("done").flatMap { Self.notices.contains($0) ? $0 : nil }
            return try await show(page, article, notice: done.map { deps.renderer.text("ui.kb.done.\($0)", page) })
        }
        group.get("kb/articles/:id/edit") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            guard user.role.isStaff else { throw APIError.forbidden("kb_write") }
            let article = try await knowledge.article(try Self.id(context), for: user)
            return try await editor(page, article: article, content: article.content, preview: nil, error: nil)
        }
        group.post("kb/articles/:id") { request, context in try await save(request, context, id: try Self.id(context)) }
        for action in KBAction.allCases {
            group.post("kb/articles/:id/\(action.rawValue)") { request, context in
                let page = try await deps.page(request, context)
                let user = try page.requireUser()
                let form = try await deps.form(request, context)
                let id = try Self.id(context)
                do {
                    _ = try await knowledge.act(id, action, revision: form.int("revision").map(Int.init), by: user)
                } catch {
                    let message = try deps.refusal(error, page, context)
                    return try await show(
                        page, try await knowledge.article(id, for: user), error: message,
                        status: ErrorMapping.map(error, logger: context.logger).status)
                }
                return Response.redirect(to: "/kb/articles/\(id)?done=\(action.rawValue)")
            }
        }
        group.post("kb/articles/:id/feedback") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let form = try await deps.form(request, context)
            let id = try Self.id(context)
            guard let helpful = form["helpful"].flatMap(Bool.init) else { throw APIError.invalidValue("helpful") }
            _ = try await knowledge.feedback(id, helpful: helpful, reason: form.text("reason"), by: user)
            return Response.redirect(to: "/kb/articles/\(id)?done=feedback")
        }
        group.get("kb/articles/:id/revisions") { request, context in
            try await revisions(request, context, comparing: nil)
        }
        group.get("kb/articles/:id/compare") { request, context in
            let parameters = request.uri.queryParameters
            guard let from = parameters.get("from").flatMap(Int.init), let to = parameters.get("to").flatMap(Int.init)
            else { throw APIError.invalidParameter("from") }
            return try await revisions(request, context, comparing: (from, to))
        }
        group.post("kb/articles/:id/revisions/:number/restore") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let form = try await deps.form(request, context)
            let id = try Self.id(context)
            let number = Int(try context.parameters.id("number", resource: "kb_revision"))
            _ = try await knowledge.restore(id, number: number, revision: form.int("revision").map(Int.init), by: user)
            return Response.redirect(to: "/kb/articles/\(id)?done=restored")
        }
        group.post("tickets/:number/kb-draft") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            _ = try await deps.form(request, context)
            let article = try await knowledge.draft(fromTicket: try context.parameters.require("number"), by: user)
            return Response.redirect(to: "/kb/articles/\(article.id)/edit")
        }
    }

    /// What `?done=` may say after a redirect.
    static let notices: Set<String> = [
        "saved", "submit", "publish", "return", "retire", "reopen", "restored", "feedback",
    ]

    static func id(_ context: HelpdeskRequestContext) throws -> Int64 {
        try context.parameters.id(resource: "kb_article")
    }

    // MARK: - Lists

    @Sendable func list(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let parameters = request.uri.queryParameters
        var input = KnowledgeService.ListInput()
        let q = (parameters.get("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        input.query = q
        if user.role.isStaff {
            input.status = try QueryParsing.value(parameters.get("status"), "status", as: KBStatus.self)
            input.visibility = try QueryParsing.value(parameters.get("visibility"), "visibility", as: KBVisibility.self)
        }
        input.tag = parameters.get("tag").flatMap { $0.isEmpty ? nil : $0 }
        input.offset = try QueryParsing.offset(parameters.get("cursor"))
        input.recordsGap = true
        let hits = try await knowledge.list(input, for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        var next: String?
        if let offset = hits.nextOffset {
            var query = "q=\(Self.encoded(q))&cursor=\(offset)"
            if let tag = input.tag { query += "&tag=\(Self.encoded(tag))" }
            if let status = input.status { query += "&status=\(status.rawValue)" }
            if let visibility = input.visibility { query += "&visibility=\(visibility.rawValue)" }
            next = "/kb?" + query
        }
        var gaps: [KBListPage.Gap] = []
        var deflection: String?
        if user.role.isStaff {
            let insights = try await knowledge.insights(for: user)
            gaps = insights.gaps.map {
                KBListPage.Gap(
                    query: $0.query, searches: $0.searches, last: TimeFormatting.local($0.lastAt, zone),
                    newLink: "/kb/articles/new?title=" + Self.encoded($0.query))
            }
            deflection = views.t(
                "ui.kb.deflection",
                [
                    "days": String(insights.days), "opened": String(insights.intakeOpenings),
                    "deflected": String(insights.deflected),
                ])
        }
        let model = KBListPage(
            heading: views.t("ui.kb.title"), q: q, searchable: true,
            statuses: TicketViews.options(
                [("", views.t("ui.kb.any_status"))]
                    + KBStatus.allCases.map { ($0.rawValue, views.t("status.kb_\($0.rawValue)")) },
                selected: input.status?.rawValue ?? ""),
            visibilities: TicketViews.options(
                [("", views.t("ui.kb.any_visibility"))]
                    + KBVisibility.allCases.map { ($0.rawValue, views.t("ui.kb.visibility_\($0.rawValue)")) },
                selected: input.visibility?.rawValue ?? ""),
            rows: hits.items.map { row($0.article, snippet: q.isEmpty ? nil : $0.snippet, views: views, zone: zone) },
            hasRows: !hits.items.isEmpty, isStaff: user.role.isStaff, reviews: Knowledge.reviews(user.role),
            next: next, gaps: gaps, hasGaps: !gaps.isEmpty, deflection: deflection)
        return deps.render(model, page, titleKey: "ui.kb.title")
    }

    @Sendable func review(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let articles = try await knowledge.reviewQueue(for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let model = KBListPage(
            heading: views.t("ui.kb.review_queue"), q: "", searchable: false, statuses: [], visibilities: [],
            rows: articles.map { row($0, snippet: nil, views: views, zone: zone) }, hasRows: !articles.isEmpty,
            isStaff: true, reviews: true, next: nil, gaps: [], hasGaps: false, deflection: nil)
        return deps.render(model, page, titleKey: "ui.kb.review_queue")
    }

    func row(_ article: KBArticle, snippet: SearchSnippet?, views: TicketViews, zone: TimeZone) -> KBListPage.Row {
        let parts = snippet.map(WebSearchRoutes.parts) ?? []
        return KBListPage.Row(
            id: article.id, title: article.content.title, status: views.t("status.kb_\(article.status.rawValue)"),
            statusKey: article.status.rawValue,
            visibility: views.t("ui.kb.visibility_\(article.content.visibility.rawValue)"), tags: article.content.tags,
            updated: TimeFormatting.local(article.updatedAt, zone),
            votes: views.t(
                "ui.kb.votes", ["helpful": String(article.votes.helpful), "not": String(article.votes.notHelpful)]),
            snippet: parts, hasSnippet: !parts.isEmpty)
    }

    /// The suggestions for `q` alone, for app.js to put under the intake form.
    @Sendable func suggest(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let text = request.uri.queryParameters.get("q") ?? ""
        let section = try await suggestions(for: text, user: user, page: page, intake: true)
        return deps.renderer.page(section, page, title: "")
    }

    /// Suggestions for a text (cut to the longest a suggestion reads): on the intake form
    /// (`intake`: counted for deflection) or elsewhere; `newTab` keeps a half-written form.
    func suggestions(
        for text: String, user: User, page: WebPage, intake: Bool, newTab: Bool? = nil, limit: Int = 5
    ) async throws -> KBSuggestionsSection {
        let hits = try await knowledge.suggest(text, for: user, limit: limit, cut: true)
        return section(of: hits, user: user, page: page, intake: intake, newTab: newTab)
    }

    /// The suggestions section of `hits`.
    func section(of hits: [KnowledgeService.Hit], user: User, page: WebPage, intake: Bool, newTab: Bool? = nil)
        -> KBSuggestionsSection
    {
        KBSuggestionsSection(
            items: hits.map { item(of: $0.article, snippet: $0.snippet, user: user, page: page, intake: intake) },
            hasItems: !hits.isEmpty, newTab: newTab ?? intake)
    }

    func item(of article: KBArticle, snippet: SearchSnippet?, user: User, page: WebPage, intake: Bool)
        -> KBSuggestionsSection.Item
    {
        KBSuggestionsSection.Item(
            id: article.id, title: article.content.title,
            link: "/kb/articles/\(article.id)" + (intake ? "?from=intake" : ""),
            snippet: snippet.map(WebSearchRoutes.parts) ?? [],
            visibility: user.role.isStaff
                ? deps.renderer.text("ui.kb.visibility_\(article.content.visibility.rawValue)", page) : nil)
    }

    /// The ticket page's section: linked articles, suggestions for the ticket's text (internal
    /// ones too) and, once it is solved, the draft button.
    func section(for ticket: Ticket, user: User, page: WebPage) async throws -> TicketKnowledgeSection {
        var linkedInput = KnowledgeService.ListInput()
        linkedInput.ticketNumber = ticket.number
        let linked = try await knowledge.list(linkedInput, for: user).items.map {
            item(of: $0.article, snippet: nil, user: user, page: page, intake: false)
        }
        let ids = Set(linked.map(\.id))
        var suggested = try await suggestions(
            for: ticket.title + "\n" + ticket.description, user: user, page: page, intake: false)
        suggested = KBSuggestionsSection(
            items: suggested.items.filter { !ids.contains($0.id) },
            hasItems: suggested.items.contains { !ids.contains($0.id) }, newTab: false)
        return TicketKnowledgeSection(
            suggestions: suggested, linked: linked, hasLinked: !linked.isEmpty,
            canDraft: Knowledge.mayDraft(from: ticket))
    }

    // MARK: - An article

    func show(
        _ page: WebPage, _ article: KBArticle, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try page.requireUser()
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let actions = try await knowledge.actions(on: article, for: user).map { action in
            KBArticlePage.Action(
                path: "/kb/articles/\(article.id)/\(action.rawValue)", label: views.t("action.kb_\(action.rawValue)"),
                id: "kb-\(action.rawValue)", primary: action == .publish || action == .submit)
        }
        let content = article.content
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        let model = KBArticlePage(
            id: article.id, articleTitle: content.title, status: views.t("status.kb_\(article.status.rawValue)"),
            statusKey: article.status.rawValue, visibility: views.t("ui.kb.visibility_\(content.visibility.rawValue)"),
            category: optional(views.categoryName(content.categoryId)), tags: content.tags, symptom: content.symptom,
            cause: optional(content.cause), solutionHtml: KBMarkdown.html(content.solution),
            tickets: article.ticketNumbers, hasTickets: !article.ticketNumbers.isEmpty,
            author: views.userName(article.authorId), editor: views.userName(article.editorId),
            reviewer: article.reviewerId.map { views.userName($0) },
            updated: TimeFormatting.local(article.updatedAt, zone),
            published: article.publishedAt.map { TimeFormatting.local($0, zone) }, revision: article.revision,
            helpful: article.votes.helpful, notHelpful: article.votes.notHelpful, isStaff: user.role.isStaff,
            editable: Knowledge.mayEdit(article, role: user.role), actions: actions, hasActions: !actions.isEmpty,
            notice: notice, error: error)
        return deps.renderer.page(model, page, title: content.title, status: status)
    }

    // MARK: - The editor

    @Sendable func save(_ request: Request, _ context: HelpdeskRequestContext, id: Int64?) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        guard user.role.isStaff else { throw APIError.forbidden("kb_write") }
        // Three texts of 20 000 Chinese characters, URL-encoded.
        let form = try await deps.form(request, context, limit: 2 * 1024 * 1024)
        var current: KBArticle?
        if let id { current = try await knowledge.article(id, for: user) }
        let command = KnowledgeService.Command(
            title: form["title"] ?? "", symptom: form["symptom"] ?? "", cause: form["cause"] ?? "",
            solution: form["solution"] ?? "", categoryId: form.int("categoryId") ?? 0,
            tags: Knowledge.tagList(fromText: form["tags"] ?? ""),
            visibility: form["visibility"].flatMap(KBVisibility.init(rawValue:)) ?? .internal,
            revision: form.int("revision").map(Int.init))
        let written = KBContent(
            title: command.title ?? "", symptom: command.symptom ?? "", cause: command.cause ?? "",
            solution: command.solution ?? "", categoryId: command.categoryId == 0 ? nil : command.categoryId,
            tags: command.tags ?? [],
            visibility: command.visibility ?? .internal)
        if form["intent"] == "preview" {
            return try await editor(
                page, article: current, content: written, preview: KBMarkdown.html(written.solution), error: nil,
                revision: command.revision)
        }
        let saved: KBArticle
        do {
            if let id {
                saved = try await knowledge.update(id, command, by: user)
            } else {
                saved = try await knowledge.create(command, by: user)
            }
        } catch {
            let message = try deps.refusal(
                error, page, context,
                labels: [
                    "title": "ui.kb.field_title", "symptom": "ui.kb.symptom", "cause": "ui.kb.cause",
                    "solution": "ui.kb.solution", "tags": "ui.kb.tags", "categoryId": "ui.ticket.category",
                ])
            return try await editor(
                page, article: current, content: written, preview: nil, error: message, revision: command.revision)
        }
        return .redirect(to: "/kb/articles/\(saved.id)?done=saved")
    }

    func editor(
        _ page: WebPage, article: KBArticle?, content: KBContent, preview: String?, error: String?,
        revision: Int? = nil
    ) async throws -> Response {
        let user = try page.requireUser()
        let views = try await deps.views(page)
        var returnsToReview = false
        if let article { returnsToReview = try await knowledge.editReturnsToReview(article, by: user) }
        var categories: [(String, String)] = [("", views.t("ui.new.category_unknown"))]
        for category in views.categories.values.filter(\.active).sorted(by: { $0.id < $1.id }) {
            categories.append(
                (
                    String(category.id),
                    (category.parentId.map { views.categoryName($0) + " / " } ?? "") + views.categoryName(category.id)
                ))
        }
        let model = KBEditPage(
            heading: views.t(article == nil ? "ui.kb.new" : "ui.kb.edit"),
            action: article.map { "/kb/articles/\($0.id)" } ?? "/kb/articles", articleId: article?.id,
            revision: revision ?? article?.revision ?? 0, articleTitle: content.title, symptom: content.symptom,
            cause: content.cause, solution: content.solution, tags: content.tags.joined(separator: ", "),
            categories: TicketViews.options(categories, selected: content.categoryId.map(String.init) ?? ""),
            visibilities: TicketViews.options(
                KBVisibility.allCases.map { ($0.rawValue, views.t("ui.kb.visibility_\($0.rawValue)")) },
                selected: content.visibility.rawValue),
            previewHtml: preview, titleMax: Knowledge.titleMaxLength, textMax: Knowledge.textMaxLength,
            returnsToReview: returnsToReview,
            error: error)
        return deps.render(
            model, page, titleKey: article == nil ? "ui.kb.new" : "ui.kb.edit",
            status: error == nil ? .ok : .unprocessableContent)
    }

    // MARK: - Revisions

    func revisions(_ request: Request, _ context: HelpdeskRequestContext, comparing: (Int, Int)?) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let id = try Self.id(context)
        let article = try await knowledge.article(id, for: user)
        let revisions = try await knowledge.revisions(id, for: user)
        let views = try await deps.views(page)
        let zone = try await deps.services.reports.timeZone()
        let from = comparing?.0 ?? max(1, article.revision - 1)
        let to = comparing?.1 ?? article.revision
        var fields: [KBRevisionsPage.DiffField] = []
        var heading: String?
        if let comparing {
            let comparison = try await knowledge.compare(id, from: comparing.0, to: comparing.1, for: user)
            heading = views.t("ui.kb.comparing", ["from": String(comparing.0), "to": String(comparing.1)])
            fields = comparison.fields.filter { field in
                field.lines.contains { if case .same = $0 { false } else { true } }
            }.map { field in
                KBRevisionsPage.DiffField(
                    label: views.t("ui.kb.field.\(field.name)"),
                    lines: field.lines.map { line in
                        switch line {
                        case .same(let text):
                            .init(change: "same", sign: " ", changeLabel: views.t("ui.kb.line_same"), text: text)
                        case .added(let text):
                            .init(change: "added", sign: "+", changeLabel: views.t("ui.kb.line_added"), text: text)
                        case .removed(let text):
                            .init(change: "removed", sign: "−", changeLabel: views.t("ui.kb.line_removed"), text: text)
                        }
                    })
            }
        }
        let model = KBRevisionsPage(
            id: id, articleTitle: article.content.title, revision: article.revision,
            rows: revisions.map { revision in
                KBRevisionsPage.Row(
                    number: revision.number, editor: views.userName(revision.editorId),
                    at: TimeFormatting.local(revision.at, zone), note: note(revision.note, views: views),
                    current: revision.number == article.revision, fromSelected: revision.number == from,
                    toSelected: revision.number == to)
            },
            editable: Knowledge.mayEdit(article, role: user.role), comparing: heading, fields: fields,
            hasFields: !fields.isEmpty)
        return deps.render(model, page, titleKey: "ui.kb.revisions")
    }

    func note(_ note: KBRevisionNote, views: TicketViews) -> String {
        switch note {
        case .created: views.t("ui.kb.note_created")
        case .edited: views.t("ui.kb.note_edited")
        case .fromTicket(let number): views.t("ui.kb.note_from_ticket", ["number": number])
        case .restored(let number): views.t("ui.kb.note_restored", ["number": String(number)])
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
