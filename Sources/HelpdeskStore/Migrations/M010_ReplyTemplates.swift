/// Reply templates (R8.1): courteous canned replies in zh-CN and en that the work-log form
/// offers. The defaults are added at start-up by ``Seeder/seedReplyTemplates(_:now:)``.
enum M010_ReplyTemplates {
    static let migration = Migration(version: 10, name: "reply_templates") { dialect in
        [
            """
            CREATE TABLE reply_templates (
                id \(dialect.primaryKey), name TEXT NOT NULL, name_en TEXT, body TEXT NOT NULL, body_en TEXT NOT NULL,
                active BIGINT NOT NULL DEFAULT 1, sort_order BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reply_templates_order ON reply_templates (sort_order, id)",
        ]
    }
}
