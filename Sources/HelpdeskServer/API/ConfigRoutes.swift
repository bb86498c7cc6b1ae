import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// Calendars, SLA policy versions and desk settings: staff read, admins write.
struct ConfigRoutes {
    let store: any HelpdeskStore
    let clock: AppClock

    struct CalendarBody: Decodable {
        var name: String
        var calendar: BusinessCalendar
    }

    struct PolicyBody: Decodable {
        var name: String
        var calendarId: Int64
        var policy: SLAPolicy
    }

    /// Desk-wide settings: ticket number format (R1.4), priority matrix (R2.3), reopen window.
    struct Settings: Codable, ResponseEncodable {
        var ticketNumberFormat: TicketNumberFormat
        var priorityMatrix: PriorityMatrix
        var reopenWindowDays: Int
    }

    struct SettingsPatch: Decodable {
        var ticketNumberFormat: String?
        var priorityMatrix: PriorityMatrix?
        var reopenWindowDays: Int?
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        let staff = DirectoryRoutes.staff
        group.get("calendars") { _, context in
            _ = try context.requireRole(staff, action: "calendars")
            return DirectoryRoutes.Items(items: try await store.calendars())
        }
        group.post("calendars") { request, context in
            _ = try context.requireRole([.admin], action: "calendars")
            let body = try await request.decodeJSON(CalendarBody.self, context: context)
            return EditedResponse(status: .created, response: try await saveCalendar(body, id: 0))
        }
        group.put("calendars/:id") { request, context in
            _ = try context.requireRole([.admin], action: "calendars")
            let body = try await request.decodeJSON(CalendarBody.self, context: context)
            return try await saveCalendar(body, id: try context.parameters.id(resource: "calendar"))
        }
        group.get("sla-policies") { _, context in
            _ = try context.requireRole(staff, action: "sla_policies")
            return DirectoryRoutes.Items(items: try await store.slaPolicies())
        }
        group.post("sla-policies") { request, context in
            let user = try context.requireRole([.admin], action: "sla_policies")
            let body = try await request.decodeJSON(PolicyBody.self, context: context)
            do { try body.policy.validate() } catch { throw APIError(.unprocessableContent, "invalid_value", ["field": "policy"]) }
            guard let name = DirectoryRoutes.clean(body.name, max: 100) else { throw APIError.invalidValue("name") }
            let record = try await store.addSLAPolicyVersion(
                name: name, policy: body.policy, calendarId: body.calendarId, by: user.id, now: clock.now())
            return EditedResponse(status: .created, response: record)
        }
        group.get("settings") { _, context in
            _ = try context.requireRole(staff, action: "settings")
            return try await settings()
        }
        group.put("settings") { request, context in
            _ = try context.requireRole([.admin], action: "settings")
            let patch = try await request.decodeJSON(SettingsPatch.self, context: context)
            let now = clock.now()
            if let pattern = patch.ticketNumberFormat {
                let format: TicketNumberFormat
                do { format = try TicketNumberFormat(pattern) } catch {
                    throw APIError(.unprocessableContent, "invalid_format", ["detail": "ticketNumberFormat: \(error)"])
                }
                try await store.setSetting("ticket_number_format", format, now: now)
            }
            if let matrix = patch.priorityMatrix { try await store.setSetting("priority_matrix", matrix, now: now) }
            if let days = patch.reopenWindowDays {
                guard (0...365).contains(days) else { throw APIError.invalidValue("reopenWindowDays") }
                try await store.setSetting("reopen_window_days", days, now: now)
            }
            return try await settings()
        }
    }

    func settings() async throws -> Settings {
        Settings(
            ticketNumberFormat: try await store.setting("ticket_number_format", as: TicketNumberFormat.self) ?? .default,
            priorityMatrix: try await store.setting("priority_matrix", as: PriorityMatrix.self) ?? .default,
            reopenWindowDays: try await store.setting("reopen_window_days", as: Int.self) ?? 7)
    }

    func saveCalendar(_ body: CalendarBody, id: Int64) async throws -> CalendarRecord {
        guard let name = DirectoryRoutes.clean(body.name, max: 100) else { throw APIError.invalidValue("name") }
        do { try body.calendar.validate() } catch {
            throw APIError(.unprocessableContent, "invalid_format", ["detail": "calendar: \(error)"])
        }
        return try await store.saveCalendar(CalendarRecord(id: id, name: name, calendar: body.calendar), now: clock.now())
    }
}

extension CalendarRecord: ResponseEncodable {}
extension SLAPolicyRecord: ResponseEncodable {}
