/// The requester's department gets a column, so a requester's list can include their
/// department's tickets when the desk allows it (R9.1); existing rows are filled from the
/// ticket document.
enum M011_RequesterDepartment {
    static let migration = Migration(version: 11, name: "requester_department") { dialect in
        let fromDocument =
            dialect == .postgres
            ? "CAST(doc AS jsonb) -> 'requester' ->> 'department'" : "json_extract(doc, '$.requester.department')"
        return [
            "ALTER TABLE tickets ADD COLUMN requester_department TEXT",
            "UPDATE tickets SET requester_department = \(fromDocument)",
            "CREATE INDEX tickets_requester_department ON tickets (requester_department, id)",
        ]
    }
}
