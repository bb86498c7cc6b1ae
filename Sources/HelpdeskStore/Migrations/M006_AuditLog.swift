/// The audit log (R9.5): append-only (triggers refuse UPDATE and DELETE) and hash-chained, with
/// indexes for "who saw person X" and "what did Y do".
enum M006_AuditLog {
    static let migration = Migration(version: 6, name: "audit_log") { dialect in
        var statements = [
            """
            CREATE TABLE audit_log (
                id \(dialect.primaryKey), at BIGINT NOT NULL, actor_id BIGINT, actor_name TEXT NOT NULL,
                action TEXT NOT NULL, subject_id BIGINT, ticket_number TEXT, target TEXT, detail TEXT NOT NULL,
                previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_subject ON audit_log (subject_id, id)",
            "CREATE INDEX audit_log_actor ON audit_log (actor_id, id)",
        ]
        switch dialect {
        case .sqlite:
            statements += ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER audit_log_no_\(operation.lowercased()) BEFORE \(operation) ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """
            }
        case .postgres:
            statements += [
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                """,
                """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """,
            ]
        }
        return statements
    }
}
