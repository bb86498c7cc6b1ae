import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/admin/calendars`, `/admin/sla`, `/admin/settings`, `/admin/priority-matrix`: business
/// calendars (hours, holidays, swapped working days), SLA policy versions (every save is a new
/// version), the ticket number format and the priority matrix, with the API's validation.
struct WebAdminConfigRoutes {
    let deps: WebDependencies
    var config: ConfigurationService { deps.services.configuration }
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/calendars", use: calendars)
        group.post("admin/calendars") { request, context in try await saveCalendar(request, context, id: 0) }
        group.post("admin/calendars/:id") { request, context in
            try await saveCalendar(request, context, id: try context.parameters.id(resource: "calendar"))
        }
        group.get("admin/sla", use: policies)
        group.post("admin/sla", use: savePolicy)
        group.get("admin/settings", use: settings)
        group.post("admin/settings", use: saveSettings)
        group.get("admin/priority-matrix", use: matrix)
        group.post("admin/priority-matrix", use: saveMatrix)
        group.get("admin/priority-matrix/versions/:version", use: matrixVersion)
    }

    static func periods(_ list: [WorkingPeriod]) -> String {
        list.map { "\($0.start)-\($0.end)" }.joined(separator: ", ")
    }

    /// `09:00-12:00, 13:00-18:00`; nil when a period does not parse.
    static func parsePeriods(_ text: String) -> [WorkingPeriod]? {
        var result: [WorkingPeriod] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let bounds = piece.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard bounds.count == 2, let period = WorkingPeriod(bounds[0], bounds[1]), period.isValid else {
                return nil
            }
            result.append(period)
        }
        return result
    }

    static func parseDates(_ text: String) -> Set<LocalDate>? {
        var dates: Set<LocalDate> = []
        for line in text.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " }) {
            guard let date = LocalDate(string: String(line)) else { return nil }
            dates.insert(date)
        }
        return dates
    }

    @Sendable func calendars(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let records = try await config.calendars(for: admin)
        // The existing calendars, then a blank form (standard hours) for a new one.
        let items = (records + [CalendarRecord(id: 0, name: "", calendar: .standard)]).map { record in
            let week = record.calendar.week
            let days = [
                week.monday, week.tuesday, week.wednesday, week.thursday, week.friday, week.saturday, week.sunday,
            ]
            return AdminCalendarsPage.Calendar(
                id: record.id, isNew: record.id == 0, name: record.name,
                timeZone: record.calendar.timeZoneIdentifier,
                days: zip(Self.weekdays, days).map {
                    AdminCalendarsPage.Calendar.Day(
                        key: $0.0, label: deps.renderer.text("ui.weekday.\($0.0)", page), value: Self.periods($0.1))
                },
                holidays: record.calendar.holidays.sorted().map(\.description).joined(separator: "\n"),
                workingDays: record.calendar.workingDays.sorted().map(\.description).joined(separator: "\n"),
                workingDayMinutes: record.calendar.workingDayMinutes)
        }
        return deps.render(AdminCalendarsPage(calendars: items), page, titleKey: "ui.admin.calendars")
    }

    /// Adds (`id` 0) or saves a calendar.
    func saveCalendar(_ request: Request, _ context: HelpdeskRequestContext, id: Int64) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        var days: [[WorkingPeriod]] = []
        for day in Self.weekdays {
            guard let periods = Self.parsePeriods(form[day] ?? "") else { throw APIError.invalidValue(day) }
            days.append(periods)
        }
        guard let holidays = Self.parseDates(form["holidays"] ?? "") else { throw APIError.invalidValue("holidays") }
        guard let working = Self.parseDates(form["workingDays"] ?? "") else {
            throw APIError.invalidValue("workingDays")
        }
        let calendar = BusinessCalendar(
            timeZoneIdentifier: form.text("timeZone") ?? "Asia/Shanghai",
            week: WeeklyHours(
                monday: days[0], tuesday: days[1], wednesday: days[2], thursday: days[3], friday: days[4],
                saturday: days[5],
                sunday: days[6]),
            holidays: holidays, workingDays: working, workingDayMinutes: Int(form.int("workingDayMinutes") ?? 480))
        _ = try await config.saveCalendar(id, name: form["name"] ?? "", calendar: calendar, by: admin)
        return .redirect(to: "/admin/calendars")
    }

    @Sendable func policies(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let t = { (key: String) in deps.renderer.text(key, page) }
        let versions = try await config.policies(for: admin)
        let current = try await config.currentPolicy(for: admin)
        func target(_ prefix: String, _ value: SLATarget?) -> AdminSLAPage.Row.Target {
            AdminSLAPage.Row.Target(
                name: prefix, value: value.map { String($0.value) } ?? "",
                units: TicketViews.options(
                    SLAUnit.allCases.map { ($0.rawValue, t("ui.sla.unit.\($0.rawValue)")) },
                    selected: value?.unit.rawValue),
                modes: TicketViews.options(
                    SLAClockMode.allCases.map { ($0.rawValue, t("ui.sla.mode.\($0.rawValue)")) },
                    selected: value?.mode.rawValue))
        }
        let rows = Priority.allCases.map { priority in
            let targets = current.policy.targets(for: priority)
            return AdminSLAPage.Row(
                priority: t("ui.priority.\(priority.rawValue)"),
                targets: [
                    target("\(priority.rawValue)_response", targets?.response),
                    target("\(priority.rawValue)_resolution", targets?.resolution),
                    target("\(priority.rawValue)_hard", targets?.hardLimit),
                ])
        }
        let calendars = try await config.calendars(for: admin)
        let zone = calendars.first { $0.id == current.calendarId }?.calendar.timeZone ?? .gmt
        let model = AdminSLAPage(
            current: AdminSLAPage.Current(version: current.version, name: current.name), rows: rows,
            pauses: [TicketStatus.waitingOnRequester, .blocked].map {
                AdminSLAPage.Pause(
                    value: $0.rawValue, label: t("status.\($0.rawValue)"),
                    checked: current.policy.pauseStatuses.contains($0))
            },
            calendars: TicketViews.options(
                calendars.map { (String($0.id), $0.name) }, selected: String(current.calendarId)),
            versions: versions.sorted { $0.version > $1.version }.map {
                AdminSLAPage.Version(
                    version: $0.version, name: $0.name, created: TimeFormatting.local($0.createdAt, zone))
            })
        return deps.render(model, page, titleKey: "ui.admin.sla")
    }

    @Sendable func savePolicy(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        func target(_ name: String) -> SLATarget? {
            guard let value = form.int("\(name)_value"),
                let unit = form["\(name)_unit"].flatMap(SLAUnit.init(rawValue:)),
                let mode = form["\(name)_mode"].flatMap(SLAClockMode.init(rawValue:))
            else { return nil }
            return SLATarget(value: Int(value), unit: unit, mode: mode)
        }
        var targets: [PriorityTargets] = []
        for priority in Priority.allCases {
            let key = priority.rawValue
            guard let response = target("\(key)_response"), let resolution = target("\(key)_resolution") else {
                throw APIError.invalidValue(key)
            }
            targets.append(
                PriorityTargets(
                    priority: priority, response: response, resolution: resolution, hardLimit: target("\(key)_hard")))
        }
        let policy = SLAPolicy(
            targets: targets, pauseStatuses: Set(form.all("pause").compactMap(TicketStatus.init(rawValue:))))
        guard let calendarId = form.int("calendarId") else { throw APIError.invalidValue("calendarId") }
        _ = try await config.addPolicyVersion(
            name: form["name"] ?? "", policy: policy, calendarId: calendarId, by: user)
        return .redirect(to: "/admin/sla")
    }

    @Sendable func settings(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let settings = try await config.settings(for: admin)
        let model = AdminSettingsPage(
            format: settings.ticketNumberFormat.pattern, reopenDays: settings.reopenWindowDays,
            allowInternalWebhooks: settings.allowInternalWebhookTargets,
            requestersSeeDepartment: settings.requestersSeeDepartment, kbSeparateReviewer: settings.kbSeparateReviewer,
            problemMinimumTickets: settings.problemMinimumTickets, problemWindowDays: settings.problemWindowDays)
        return deps.render(model, page, titleKey: "ui.admin.settings")
    }

    @Sendable func saveSettings(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        guard let days = form.int("reopenDays") else { throw APIError.invalidValue("reopenWindowDays") }
        guard let minimum = form.int("problemMinimumTickets") else {
            throw APIError.invalidValue("problemMinimumTickets")
        }
        guard let window = form.int("problemWindowDays") else { throw APIError.invalidValue("problemWindowDays") }
        _ = try await config.updateSettings(
            ConfigurationService.SettingsPatch(
                ticketNumberFormat: form["format"] ?? "", reopenWindowDays: Int(days),
                allowInternalWebhookTargets: form["allowInternalWebhooks"] == "on",
                requestersSeeDepartment: form["requestersSeeDepartment"] == "on",
                kbSeparateReviewer: form["kbSeparateReviewer"] == "on", problemMinimumTickets: Int(minimum),
                problemWindowDays: Int(window)),
            by: admin)
        return .redirect(to: "/admin/settings")
    }

    /// The current matrix to edit, who saved it and when, and the earlier versions (R2.4).
    @Sendable func matrix(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let t = { (key: String) in deps.renderer.text(key, page) }
        let current = try await config.currentPriorityMatrix(for: admin)
        let zone = try await matrixZone(admin)
        let model = AdminPriorityMatrixPage(
            current: matrixVersionRow(current, current: current.version, zone: zone, t),
            urgencies: Urgency.allCases.map { t("ui.level.\($0.rawValue)") },
            rows: Impact.allCases.map { impact in
                AdminPriorityMatrixPage.Row(
                    impact: t("ui.level.\(impact.rawValue)"),
                    cells: Urgency.allCases.map { urgency in
                        AdminPriorityMatrixPage.Cell(
                            name: "matrix_\(impact.rawValue)_\(urgency.rawValue)",
                            label: t("ui.new.impact") + " " + t("ui.level.\(impact.rawValue)") + t("ui.punct.comma")
                                + t("ui.new.urgency") + " " + t("ui.level.\(urgency.rawValue)"),
                            options: TicketViews.options(
                                Priority.allCases.map { ($0.rawValue, t("ui.priority.\($0.rawValue)")) },
                                selected: current.matrix.priority(impact: impact, urgency: urgency).rawValue))
                    })
            },
            versions: try await config.priorityMatrixVersions(for: admin).map {
                matrixVersionRow($0, current: current.version, zone: zone, t)
            })
        return deps.render(model, page, titleKey: "ui.matrix.title")
    }

    /// One version, read-only, at the API's path.
    @Sendable func matrixVersion(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let t = { (key: String) in deps.renderer.text(key, page) }
        let number = try context.parameters.id("version", resource: "priority_matrix_version")
        let version = try await config.priorityMatrixVersion(Int(number), for: admin)
        let current = try await config.currentPriorityMatrix(for: admin)
        let model = AdminPriorityMatrixVersionPage(
            version: matrixVersionRow(version, current: current.version, zone: try await matrixZone(admin), t),
            urgencies: Urgency.allCases.map { t("ui.level.\($0.rawValue)") },
            rows: Impact.allCases.map { impact in
                AdminPriorityMatrixVersionPage.Row(
                    impact: t("ui.level.\(impact.rawValue)"),
                    priorities: Urgency.allCases.map {
                        t("ui.priority.\(version.matrix.priority(impact: impact, urgency: $0).rawValue)")
                    })
            })
        let title = t("ui.matrix.version_title").replacingOccurrences(of: "{version}", with: String(version.version))
        return deps.renderer.page(model, page, title: title)
    }

    /// Times on the matrix pages are in the current SLA policy's calendar zone, as on the SLA page.
    private func matrixZone(_ admin: User) async throws -> TimeZone {
        let policy = try await config.currentPolicy(for: admin)
        return try await config.calendars(for: admin).first { $0.id == policy.calendarId }?.calendar.timeZone ?? .gmt
    }

    private func matrixVersionRow(
        _ version: PriorityMatrixVersion, current: Int, zone: TimeZone, _ t: (String) -> String
    ) -> AdminPriorityMatrixPage.Version {
        AdminPriorityMatrixPage.Version(
            version: version.version, savedBy: version.savedByName ?? t("ui.matrix.saved_by_upgrade"),
            savedAt: TimeFormatting.local(version.savedAt, zone), note: version.note,
            href: "/admin/priority-matrix/versions/\(version.version)", current: version.version == current)
    }

    /// Saves the form as a new version with its note.
    @Sendable func saveMatrix(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        var cells: [Impact: [Urgency: Priority]] = [:]
        for impact in Impact.allCases {
            for urgency in Urgency.allCases {
                guard
                    let priority = form["matrix_\(impact.rawValue)_\(urgency.rawValue)"].flatMap(
                        Priority.init(rawValue:))
                else { throw APIError.invalidValue("matrix") }
                cells[impact, default: [:]][urgency] = priority
            }
        }
        _ = try await config.savePriorityMatrix(try PriorityMatrix(cells), note: form["note"], by: admin)
        return .redirect(to: "/admin/priority-matrix")
    }
}
