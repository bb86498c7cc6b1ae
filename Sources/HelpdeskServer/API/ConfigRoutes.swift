import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// Calendars, SLA policy versions, desk settings and the SLA engine's settings
/// (``ConfigurationService``): staff read, admins write.
struct ConfigRoutes {
    let configuration: ConfigurationService

    struct CalendarBody: Decodable {
        var name: String
        var calendar: BusinessCalendar
    }

    struct PolicyBody: Decodable {
        var name: String
        var calendarId: Int64
        var policy: SLAPolicy
    }

    struct MatrixBody: Decodable {
        var matrix: PriorityMatrix
        var note: String?
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("calendars") { _, context in
            Items(items: try await configuration.calendars(for: try context.requireUser()))
        }
        group.post("calendars") { request, context in
            let admin = try context.requireUser()
            let body = try await request.decodeJSON(CalendarBody.self, context: context)
            let saved = try await configuration.saveCalendar(0, name: body.name, calendar: body.calendar, by: admin)
            return EditedResponse(status: .created, response: saved)
        }
        group.put("calendars/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "calendar")
            let body = try await request.decodeJSON(CalendarBody.self, context: context)
            return try await configuration.saveCalendar(id, name: body.name, calendar: body.calendar, by: admin)
        }
        group.get("sla-policies") { _, context in
            Items(items: try await configuration.policies(for: try context.requireUser()))
        }
        group.post("sla-policies") { request, context in
            let admin = try context.requireUser()
            let body = try await request.decodeJSON(PolicyBody.self, context: context)
            let record = try await configuration.addPolicyVersion(
                name: body.name, policy: body.policy, calendarId: body.calendarId, by: admin)
            return EditedResponse(status: .created, response: record)
        }
        group.get("admin/priority-matrix") { _, context in
            try await configuration.currentPriorityMatrix(for: try context.requireUser())
        }
        group.put("admin/priority-matrix") { request, context in
            let admin = try context.requireUser()
            let body = try await request.decodeJSON(MatrixBody.self, context: context)
            return try await configuration.savePriorityMatrix(body.matrix, note: body.note, by: admin)
        }
        group.get("admin/priority-matrix/versions") { _, context in
            Items(items: try await configuration.priorityMatrixVersions(for: try context.requireUser()))
        }
        group.get("admin/priority-matrix/versions/:version") { _, context in
            let version = try context.parameters.id("version", resource: "priority_matrix_version")
            return try await configuration.priorityMatrixVersion(Int(version), for: try context.requireUser())
        }
        group.get("settings") { _, context in
            try await configuration.settings(for: try context.requireUser())
        }
        group.put("settings") { request, context in
            let admin = try context.requireUser()
            let patch = try await request.decodeJSON(ConfigurationService.SettingsPatch.self, context: context)
            return try await configuration.updateSettings(patch, by: admin)
        }
        group.get("admin/sla-engine") { _, context in
            try await configuration.engineSettings(for: try context.requireUser())
        }
        group.put("admin/sla-engine") { request, context in
            let admin = try context.requireUser()
            let settings = try await request.decodeJSON(SLAEngineSettings.self, context: context)
            return try await configuration.updateEngineSettings(settings, by: admin)
        }
    }
}

extension CalendarRecord: ResponseEncodable {}
extension SLAPolicyRecord: ResponseEncodable {}
extension DeskSettings: ResponseEncodable {}
extension PriorityMatrixVersion: ResponseEncodable {}
extension SLAEngineSettings: ResponseEncodable {}
