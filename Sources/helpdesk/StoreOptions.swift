import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

/// Flags shared by every command; each overrides its environment variable.
struct StoreOptions: ParsableArguments {
    @Option(help: "Directory for the SQLite file (env HELPDESK_DATA_DIR, default ./data).")
    var dataDir: String?

    @Option(help: "PostgreSQL URL, postgres://user:pass@host:port/db (env DATABASE_URL). SQLite when absent.")
    var databaseURL: String?

    func configuration() throws -> ServerConfiguration {
        var config = try ServerConfiguration.fromEnvironment()
        if let dataDir { config.dataDirectory = dataDir }
        if let databaseURL { config.databaseURL = databaseURL }
        return config
    }
}
