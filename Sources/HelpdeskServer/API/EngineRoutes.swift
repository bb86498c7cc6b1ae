import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// The SLA engine's ticket endpoints: the explainable timeline, extensions, breach causes,
/// collaboration, approval of major changes and major incidents.
struct EngineRoutes {
    let handling: HandlingService
    let presenter: TicketPresenter

    struct ExtensionBody: Decodable {
        var dueAt: Date
        var reason: String?
    }

    struct DecisionBody: Decodable {
        var approve: Bool
        var note: String?
    }

    struct CauseBody: Decodable { var cause: String? }

    struct CollaboratorBody: Decodable {
        var groupId: Int64?
        var contact: String?
        var question: String?
    }

    struct AnswerBody: Decodable { var answer: String? }

    struct LeadGroupBody: Decodable { var groupId: Int64? }

    struct ApprovalBody: Decodable {
        var change: String?
        var approverId: Int64?
    }

    struct LinkBody: Decodable { var numbers: [String] }

    struct BroadcastBody: Decodable {
        var what: String?
        var impact: String?
        var expectedRecovery: Date?
        var groupIds: [Int64]?
        var departments: [String]?
    }

    struct InfoRequestBody: Decodable {
        var fields: [String]?
        var note: String?
    }

    struct DetailsBody: Decodable {
        var details: [String: String]
        var note: String?
    }

    struct Timeline: ResponseEncodable {
        var number: String
        var policyId: Int64
        var policyVersion: Int
        var policyName: String
        var calendarId: Int64
        var timeZone: String
        var explanation: SLAExplanation
    }

    /// The supervisor's review record (R5.5), times in the policy's clock.
    struct Review: ResponseEncodable {
        var number: String
        var title: String
        var policyVersion: Int
        var timeZone: String
        var review: TicketReview
    }

    struct PendingExtension: Encodable, Sendable {
        var number: String
        var title: String
        var priority: Priority
        var assigneeId: Int64?
        var request: ExtensionRequest
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number/sla", use: timeline)
        group.get("tickets/:number/review", use: review)
        group.post("tickets/:number/extensions") { request, context in
            try await presenter.update(request, context, ExtensionBody.self) { ref, body, user in
                try await handling.requestExtension(ref, dueAt: body.dueAt, reason: body.reason, by: user)
            }
        }
        group.post("tickets/:number/extensions/:id/decision") { request, context in
            let id = Int(try context.parameters.id(resource: "extension"))
            return try await presenter.update(request, context, DecisionBody.self) { ref, body, user in
                try await handling.decideExtension(ref, id: id, approve: body.approve, note: body.note, by: user)
            }
        }
        group.get("extensions") { request, context in
            let user = try context.requireUser()
            let limit = try QueryParsing.limit(request.uri.queryParameters.get("limit"), default: 100, range: 1...500)
            let items = try await handling.pendingExtensions(limit: limit, for: user).map { ticket, request in
                PendingExtension(
                    number: ticket.number, title: ticket.title, priority: ticket.priority,
                    assigneeId: ticket.assigneeId,
                    request: request)
            }
            return Items(items: items)
        }
        group.put("tickets/:number/breach-cause") { request, context in
            try await presenter.update(request, context, CauseBody.self) { ref, body, user in
                try await handling.recordBreachCause(ref, cause: body.cause, by: user)
            }
        }
        group.post("tickets/:number/collaborators") { request, context in
            try await presenter.update(request, context, CollaboratorBody.self) { ref, body, user in
                try await handling.askCollaborator(
                    ref, groupId: body.groupId, contact: body.contact, question: body.question, by: user)
            }
        }
        group.post("tickets/:number/collaborators/:id/answer") { request, context in
            let id = Int(try context.parameters.id(resource: "collaboration"))
            return try await presenter.update(request, context, AnswerBody.self) { ref, body, user in
                try await handling.answerCollaboration(ref, id: id, answer: body.answer, by: user)
            }
        }
        group.put("tickets/:number/lead-group") { request, context in
            try await presenter.update(request, context, LeadGroupBody.self) { ref, body, user in
                try await handling.setLeadGroup(ref, groupId: body.groupId, by: user)
            }
        }
        group.post("tickets/:number/approval") { request, context in
            try await presenter.update(request, context, ApprovalBody.self) { ref, body, user in
                try await handling.requestApproval(ref, change: body.change, approverId: body.approverId, by: user)
            }
        }
        group.post("tickets/:number/approval/decision") { request, context in
            try await presenter.update(request, context, DecisionBody.self) { ref, body, user in
                try await handling.decideApproval(ref, approve: body.approve, note: body.note, by: user)
            }
        }
        group.post("tickets/:number/info-request") { request, context in
            try await presenter.update(request, context, InfoRequestBody.self) { ref, body, user in
                try await handling.requestInfo(ref, fields: body.fields ?? [], note: body.note, by: user)
            }
        }
        group.post("tickets/:number/information-check") { request, context in
            try await presenter.update(request, context) { ref, user in
                try await handling.checkInformation(ref, by: user)
            }
        }
        group.post("tickets/:number/details") { request, context in
            try await presenter.update(request, context, DetailsBody.self) { ref, body, user in
                try await handling.provideInfo(ref, details: body.details, note: body.note, by: user)
            }
        }
        group.put("tickets/:number/plan") { request, context in
            try await presenter.update(request, context, PlanCommand.self, handling.recordPlan)
        }
        group.post("tickets/:number/major-incident") { request, context in
            let user = try context.requireUser()
            let view = try await handling.declareMajorIncident(try request.ticketRef(context), by: user)
            return presenter.present(view, to: user)
        }
        group.post("tickets/:number/linked") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(LinkBody.self, context: context)
            let linked = try await handling.link(body.numbers, to: try context.parameters.require("number"), by: user)
            return Items(items: linked)
        }
        group.get("tickets/:number/linked") { _, context in
            let user = try context.requireUser()
            return Items(items: try await handling.linked(to: try context.parameters.require("number"), for: user))
        }
        group.post("tickets/:number/broadcasts") { request, context in
            try await presenter.update(request, context, BroadcastBody.self) { ref, body, user in
                try await handling.broadcast(
                    ref, what: body.what, impact: body.impact, expectedRecovery: body.expectedRecovery,
                    audience: BroadcastAudience(groupIds: body.groupIds ?? [], departments: body.departments ?? []),
                    by: user)
            }
        }
    }

    @Sendable func review(_ request: Request, context: HelpdeskRequestContext) async throws -> Review {
        let user = try context.requireUser()
        let (policy, view, review) = try await handling.review(try context.parameters.require("number"), for: user)
        return Review(
            number: view.ticket.number, title: view.ticket.title, policyVersion: policy.version,
            timeZone: view.rules.calendar.timeZoneIdentifier, review: review)
    }

    @Sendable func timeline(_ request: Request, context: HelpdeskRequestContext) async throws -> Timeline {
        let user = try context.requireUser()
        let (policy, view, explanation) = try await handling.timeline(
            try context.parameters.require("number"), for: user)
        return Timeline(
            number: view.ticket.number, policyId: policy.id, policyVersion: policy.version, policyName: policy.name,
            calendarId: policy.calendarId, timeZone: view.rules.calendar.timeZoneIdentifier, explanation: explanation)
    }
}
