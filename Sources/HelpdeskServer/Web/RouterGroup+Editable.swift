import Hummingbird

extension RouterGroup where Context == HelpdeskRequestContext {
    /// The four routes of an admin list with an edit form: `GET path` (the list and the add
    /// form), `GET path/:id` (the list with that one's form), `POST path` (add: `id` 0) and
    /// `POST path/:id` (save). A malformed or unknown id is a 404 of `resource`.
    func editable(
        _ path: String, resource: String,
        page: @escaping @Sendable (Request, HelpdeskRequestContext, _ editing: Int64?) async throws -> Response,
        save: @escaping @Sendable (Request, HelpdeskRequestContext, _ id: Int64) async throws -> Response
    ) {
        get(RouterPath(path)) { request, context in try await page(request, context, nil) }
        get(RouterPath(path + "/:id")) { request, context in
            try await page(request, context, try context.parameters.id(resource: resource))
        }
        post(RouterPath(path)) { request, context in try await save(request, context, 0) }
        post(RouterPath(path + "/:id")) { request, context in
            try await save(request, context, try context.parameters.id(resource: resource))
        }
    }
}
