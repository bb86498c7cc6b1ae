import Foundation
import HelpdeskCore
import HelpdeskStore

extension TicketViews {
    /// The major-incident section as this user sees it; nil when there is nothing to show.
    func majorIncident(
        of ticket: Ticket, linked: [LinkedTicket], departments: [String], events: [TicketEvent], for user: User,
        calendar: BusinessCalendar
    ) -> MajorIncidentSection? {
        let actor = user.actor
        let isIncident = ticket.majorIncident == true
        let canDeclare = MajorIncidents.mayDeclare(ticket, by: actor)
        guard isIncident || canDeclare || ticket.majorIncidentNumber != nil else { return nil }
        // A requester learns that the request is part of an incident, not the incident's own ticket.
        if !user.role.isStaff && !isIncident {
            return MajorIncidentSection(
                isIncident: false, canDeclare: false, linkedTo: ticket.majorIncidentNumber, linkedToIsLink: false,
                linked: [], openLinked: 0, canLink: false, updates: [], canBroadcast: false, groups: [],
                departments: [], hasDepartments: false, canReadRetrospective: false)
        }
        let updates = events.filter(MajorIncidents.isStatusUpdate).reversed().map { event in
            let groupNames = (event.data["groups"] ?? "").split(separator: ",").compactMap { Int64($0) }.map(groupName)
            let departments = (event.data["departments"] ?? "").split(separator: ",").map(String.init)
            return MajorIncidentSection.Update(
                at: time(event.at, calendar), by: event.actorName, what: event.body ?? "",
                impact: event.data["impact"] ?? "",
                recovery: event.data["expected_recovery"].flatMap { try? Date($0, strategy: .iso8601) }
                    .map { time($0, calendar) } ?? "",
                audience: (groupNames + departments).joined(separator: "、"))
        }
        let locale = Locale(identifier: page.locale)
        return MajorIncidentSection(
            isIncident: isIncident, canDeclare: canDeclare, linkedTo: ticket.majorIncidentNumber,
            linkedToIsLink: user.role.isStaff,
            linked: linked.map {
                MajorIncidentSection.Linked(
                    number: $0.number, linkedTitle: $0.title, status: t("status.\($0.status.rawValue)"), open: $0.isOpen
                )
            },
            openLinked: linked.filter(\.isOpen).count, canLink: MajorIncidents.mayLink(to: ticket, by: actor),
            updates: Array(updates), canBroadcast: MajorIncidents.mayBroadcast(ticket, by: actor),
            groups: groups.values.sorted { $0.id < $1.id }.map {
                SelectOption(value: String($0.id), label: groupName($0.id), selected: false)
            },
            departments: departments.sorted { $0.compare($1, locale: locale) == .orderedAscending }
                .map { SelectOption(value: $0, label: $0, selected: false) },
            hasDepartments: !departments.isEmpty,
            canReadRetrospective: isIncident && IncidentRetrospective.mayRead(actor))
    }
}
