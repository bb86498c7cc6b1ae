import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/admin/sla-engine`: the SLA engine's settings as a form over the API's
/// ``ConfigurationService/updateEngineSettings(_:by:)``, with its validation; a refused save
/// shows the form again with the posted values and the error.
struct WebAdminEngineRoutes {
    let deps: WebDependencies
    var config: ConfigurationService { deps.services.configuration }

    /// A whole-number setting: its form section, its name (the API's field name) and where it is kept.
    struct Number {
        let section: String
        let name: String
        let key: WritableKeyPath<SLAEngineSettings, Int>
        var min = 1
        var max = 10_000
    }

    struct Flag {
        let section: String
        let name: String
        let key: WritableKeyPath<SLAEngineSettings, Bool>
    }

    static let sections = ["warnings", "receipt", "updates", "closing", "archive", "collaboration"]

    static var numbers: [Number] {
        [
            Number(section: "warnings", name: "warningPercent", key: \.warningPercent, max: 99),
            Number(section: "warnings", name: "l1EscalationMinutes", key: \.l1EscalationMinutes),
            Number(section: "receipt", name: "receiptHours", key: \.receiptHours),
            Number(section: "receipt", name: "receiptEscalationHours", key: \.receiptEscalationHours),
            Number(section: "updates", name: "p0UpdateMinutes", key: \.p0UpdateMinutes),
            Number(section: "updates", name: "l2UpdateHours", key: \.l2UpdateHours),
            Number(section: "closing", name: "followUpHours", key: \.followUpHours),
            Number(section: "closing", name: "autoCloseWorkingDays", key: \.autoCloseWorkingDays),
            Number(section: "closing", name: "reviewMinutes", key: \.reviewMinutes),
            Number(section: "archive", name: "archiveWorkingDays", key: \.archiveWorkingDays),
            Number(section: "collaboration", name: "collaborationHours", key: \.collaborationHours),
        ]
    }

    static var flags: [Flag] {
        [
            Flag(section: "warnings", name: "escalateOnBreach", key: \.escalateOnBreach),
            Flag(section: "archive", name: "archiveScrubsExternal", key: \.archiveScrubsExternal),
            Flag(section: "archive", name: "archiveKeepsAttachments", key: \.archiveKeepsAttachments),
        ]
    }

    /// Every field's label, to name the field an error is about.
    static var labels: [String: String] {
        Dictionary(
            uniqueKeysWithValues: (numbers.map(\.name) + ["dailyUpdateCutoff", "onDutyLeadId", "leadershipIds"]).map {
                ($0, "ui.engine.\($0)")
            })
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/sla-engine") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            return try await render(page, admin: admin, settings: try await config.engineSettings(for: admin))
        }
        group.post("admin/sla-engine", use: save)
    }

    @Sendable func save(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        var settings = SLAEngineSettings()
        var unreadable: String?
        for number in Self.numbers {
            if let value = form.text(number.name).flatMap({ Int($0) }) {
                settings[keyPath: number.key] = value
            } else if unreadable == nil {
                unreadable = number.name
            }
        }
        for flag in Self.flags { settings[keyPath: flag.key] = form[flag.name] == "on" }
        if let cutoff = form.text("dailyUpdateCutoff").flatMap(TimeOfDay.init(string:)) {
            settings.dailyUpdateCutoff = cutoff
        } else if unreadable == nil {
            unreadable = "dailyUpdateCutoff"
        }
        settings.coreBusinessPriorities = Priority.allCases.filter {
            form.all("coreBusinessPriorities").contains($0.rawValue)
        }
        settings.alwaysOpenChannels = Channel.allCases.filter { form.all("alwaysOpenChannels").contains($0.rawValue) }
        settings.onDutyLeadId = form.int("onDutyLeadId")
        settings.leadershipIds = form.all("leadershipIds").compactMap { Int64($0) }
        do {
            if let unreadable { throw UseCaseError.invalidValue(field: unreadable) }
            _ = try await config.updateEngineSettings(settings, by: admin)
        } catch {
            let message = try deps.refusal(error, page, context, labels: Self.labels)
            return try await render(page, admin: admin, settings: settings, posted: form, error: message)
        }
        return .redirect(to: "/admin/sla-engine")
    }

    /// The form with `settings`, or after a refused save with the posted text of every number.
    func render(
        _ page: WebPage, admin: User, settings: SLAEngineSettings, posted: FormData? = nil, error: String? = nil
    ) async throws -> Response {
        let t = { (key: String) in deps.renderer.text(key, page) }
        let users = try await deps.services.directory.allUsers(by: admin)
        func check(_ name: String, _ value: String, _ label: String, _ checked: Bool) -> AdminEngineSettingsPage.Check {
            AdminEngineSettingsPage.Check(
                id: "engine-\(name)-\(value)", name: name, value: value, label: label, checked: checked)
        }
        let sections = Self.sections.map { section in
            var fields = Self.numbers.filter { $0.section == section }.map { number in
                AdminEngineSettingsPage.Field(
                    name: number.name, label: t("ui.engine.\(number.name)"), type: "number", isNumber: true,
                    value: posted?[number.name] ?? String(settings[keyPath: number.key]), min: number.min,
                    max: number.max)
            }
            if section == "updates" {
                fields.append(
                    AdminEngineSettingsPage.Field(
                        name: "dailyUpdateCutoff", label: t("ui.engine.dailyUpdateCutoff"), type: "time",
                        isNumber: false,
                        value: posted?["dailyUpdateCutoff"] ?? settings.dailyUpdateCutoff.description, min: 0, max: 0))
            }
            return AdminEngineSettingsPage.Section(
                id: section, legend: t("ui.engine.section.\(section)"), fields: fields,
                checks: Self.flags.filter { $0.section == section }.map {
                    check($0.name, "on", t("ui.engine.\($0.name)"), settings[keyPath: $0.key])
                })
        }
        let leadership = Set(settings.leadershipIds)
        func label(_ user: User) -> String {
            deps.renderer.text(
                "ui.person.option_role", page,
                ["name": user.displayName, "username": user.username, "role": t("ui.role.\(user.role.rawValue)")])
        }
        let model = AdminEngineSettingsPage(
            sections: sections,
            priorities: Priority.allCases.map {
                check(
                    "coreBusinessPriorities", $0.rawValue, t("ui.priority.\($0.rawValue)"),
                    settings.coreBusinessPriorities.contains($0))
            },
            channels: Channel.allCases.map {
                check(
                    "alwaysOpenChannels", $0.rawValue, t("ui.channel.\($0.rawValue)"),
                    settings.alwaysOpenChannels.contains($0))
            },
            leads: [SelectOption(value: "", label: t("ui.engine.supervisors"), selected: settings.onDutyLeadId == nil)]
                + users.filter { ($0.active && $0.role.isStaff) || $0.id == settings.onDutyLeadId }.map {
                    SelectOption(value: String($0.id), label: label($0), selected: $0.id == settings.onDutyLeadId)
                },
            leadership: users.filter { $0.active || leadership.contains($0.id) }.map {
                SelectOption(value: String($0.id), label: label($0), selected: leadership.contains($0.id))
            },
            error: error)
        return deps.render(
            model, page, titleKey: "ui.engine.title", status: error == nil ? .ok : .unprocessableContent)
    }
}
