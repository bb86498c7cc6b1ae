/// `admin-calendars.mustache`: one form per business calendar (hours, holidays, swapped days),
/// and one to add a calendar.
struct AdminCalendarsPage: PageModel {
    static let template = "admin-calendars"

    struct Calendar: Sendable {
        /// A weekday's working periods as `09:00-12:00, 13:00-18:00`.
        struct Day: Sendable {
            let key: String
            let label: String
            let value: String
        }

        let id: Int64
        /// The blank form that adds a calendar.
        let isNew: Bool
        let name: String
        let timeZone: String
        let days: [Day]
        /// One date a line.
        let holidays: String
        let workingDays: String
        let workingDayMinutes: Int
    }

    let calendars: [Calendar]
}
