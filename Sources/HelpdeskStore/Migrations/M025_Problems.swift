/// Problem records (issue #12, R6.3, R7.4). `problems` holds each record as JSON (`doc`,
/// ``ProblemRecord``) with its status, owner and version for lists and the optimistic lock;
/// `problem_tickets` the tickets it is about (for a proposal the tickets proposed, for a
/// rejected one the set not to propose again), so a ticket's problem is found by its number.
enum M025_Problems {
    static let migration = Migration(version: 25, name: "problems") { dialect in
        [
            """
            CREATE TABLE problems (
                id \(dialect.primaryKey), status TEXT NOT NULL, title TEXT NOT NULL, doc TEXT NOT NULL,
                owner_id BIGINT, version BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX problems_status ON problems (status, updated_at)",
            """
            CREATE TABLE problem_tickets (
                problem_id BIGINT NOT NULL REFERENCES problems(id), ticket_number TEXT NOT NULL,
                PRIMARY KEY (problem_id, ticket_number))
            """,
            "CREATE INDEX problem_tickets_ticket ON problem_tickets (ticket_number)",
        ]
    }
}
