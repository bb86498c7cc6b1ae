import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await HelpdeskApp.withDatabase(try store.configuration()) { database, _ in
            let ran = try await Migrations.run(on: database)
            try await HelpdeskApp.indexUnindexedTickets(SQLStore(database: database), logger: Logger(label: "helpdesk"))
            try await HelpdeskApp.indexStoredAttachments(
                SQLStore(database: database), logger: Logger(label: "helpdesk"))
            try await HelpdeskApp.fillReportColumns(SQLStore(database: database), logger: Logger(label: "helpdesk"))
            try await HelpdeskApp.fillReportFacts(SQLStore(database: database), logger: Logger(label: "helpdesk"))
            print(
                ran.isEmpty
                    ? "Database is up to date." : "Applied migrations: \(ran.map(String.init).joined(separator: ", "))")
        }
    }
}
