import Foundation
import HelpdeskCore

extension TicketViews {
    /// Breach cause, collaboration and approval as this user sees them; `visible` is false when
    /// there is nothing to show or to do (a requester with no approval to decide).
    func collaboration(of ticket: Ticket, for user: User, calendar: BusinessCalendar) -> CollaborationSection {
        let actor = user.actor
        let questions = (ticket.collaborations ?? []).map { item in
            CollaborationSection.Question(
                id: item.id, asked: item.groupId.map(groupName) ?? t("ui.collab.vendor"), contact: item.contact,
                question: item.question, at: time(item.askedAt, calendar), due: time(item.dueAt, calendar),
                answer: item.answer, answeredBy: item.answeredByName ?? "",
                canAnswer: Collaborations.mayAnswer(item, on: ticket, by: actor))
        }
        let approval = ticket.approval.map { request in
            CollaborationSection.Approval(
                change: request.change, status: t("ui.approval.\(request.status.rawValue)"),
                approver: request.approverId.map { id in
                    id == ticket.requester.userId ? ticket.requester.name : userName(id)
                } ?? ticket.requester.name,
                note: request.note, canDecide: Approvals.mayDecide(ticket, by: actor))
        }
        let managers = users.values.filter { $0.active && ($0.role == .supervisor || $0.role == .admin) }
            .sorted { $0.id < $1.id }
        let approvers =
            [
                SelectOption(
                    value: "", label: t("ui.approval.requester", ["name": ticket.requester.name]), selected: true)
            ]
            + managers.map { SelectOption(value: String($0.id), label: $0.displayName, selected: false) }
        let canAsk = Collaborations.mayAsk(ticket, by: actor)
        let canRequest = Approvals.mayRequest(ticket, by: actor)
        let canRecord = SLAExtensions.mayRecordBreachCause(ticket, by: actor)
        return CollaborationSection(
            breachCause: ticket.breachCause ?? "", canRecordCause: canRecord, questions: questions, canAsk: canAsk,
            groups: [SelectOption(value: "", label: t("ui.collab.vendor"), selected: false)]
                + groups.values.sorted { $0.id < $1.id }.map {
                    SelectOption(value: String($0.id), label: groupName($0.id), selected: false)
                },
            approval: approval, canRequestApproval: canRequest, approvers: approvers,
            visible: user.role.isStaff || approval?.canDecide == true)
    }
}
