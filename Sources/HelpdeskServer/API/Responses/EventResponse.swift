import Foundation
import HelpdeskCore
import Hummingbird

struct EventResponse: ResponseEncodable {
    let id: Int64
    let kind: TicketEvent.Kind
    let action: WorkflowAction?
    let fromStatus: TicketStatus?
    let toStatus: TicketStatus?
    let actorId: Int64
    let actorName: String
    let at: Date
    let reason: String?
    let body: String?
    let visibility: TicketEvent.Visibility
    let data: [String: String]

    init(_ event: TicketEvent) {
        id = event.id
        kind = event.kind
        action = event.action
        fromStatus = event.fromStatus
        toStatus = event.toStatus
        actorId = event.actorId
        actorName = event.actorName
        at = event.at
        reason = event.reason
        body = event.body
        visibility = event.visibility
        data = event.data
    }
}
