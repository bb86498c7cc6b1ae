import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Turns a ticket use case's result into the API's ticket response, and runs the common
/// shape of a ticket change: decode the body, apply the use case with `If-Match`, present.
struct TicketPresenter: Sendable {
    let clock: AppClock

    func present(_ view: TicketView, to user: User, state: SLAState? = nil) -> TicketResponse {
        TicketResponse(view.ticket, viewer: user.actor, rules: view.rules, now: clock.now(), state: state)
    }

    func update<Body: Decodable>(
        _ request: Request, _ context: HelpdeskRequestContext, _ type: Body.Type,
        _ operation: (TicketRef, Body, User) async throws -> TicketView
    ) async throws -> EditedResponse<TicketResponse> {
        let user = try context.requireUser()
        let body = try await request.decodeJSON(type, context: context)
        let view = try await operation(try request.ticketRef(context), body, user)
        var response = EditedResponse(response: present(view, to: user))
        response.headers[.eTag] = "\"\(view.ticket.version)\""
        return response
    }

    /// A change that takes no body (the information check, R1.7).
    func update(
        _ request: Request, _ context: HelpdeskRequestContext,
        _ operation: (TicketRef, User) async throws -> TicketView
    ) async throws -> EditedResponse<TicketResponse> {
        let user = try context.requireUser()
        let view = try await operation(try request.ticketRef(context), user)
        var response = EditedResponse(response: present(view, to: user))
        response.headers[.eTag] = "\"\(view.ticket.version)\""
        return response
    }
}
