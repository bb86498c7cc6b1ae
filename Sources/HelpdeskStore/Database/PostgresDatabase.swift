import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// PostgreSQL through PostgresNIO's pooled client. The client must be running (it is a
/// `Service`; ``run()`` it in the service group), several server instances can share one
/// database.
public final class PostgresDatabase: Database, Service {
    public let dialect = Dialect.postgres
    public let client: PostgresClient
    public let live = LiveFeed()
    private let relay: PostgresLiveRelay
    private let logger: Logger

    public init(url: String, maxConnections: Int = 20, logger: Logger) throws {
        let sqlConfiguration = try SQLPostgresConfiguration(url: url)
        let coreConfiguration = sqlConfiguration.coreConfiguration
        // `sslmode` in the URL: require/verify-ca/verify-full → TLS required (certificate
        // verified), prefer/allow → TLS if the server offers it; absent or disable → no TLS.
        let mode = URLComponents(string: url)?.queryItems?
            .last { ["sslmode", "tlsmode"].contains($0.name.lowercased()) }?.value?.lowercased()
        let tls: PostgresClient.Configuration.TLS =
            switch mode {
            case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
            case "prefer", "allow": .prefer(.makeClientConfiguration())
            default: .disable
            }
        var configuration = PostgresClient.Configuration(
            host: coreConfiguration.host ?? "127.0.0.1", port: coreConfiguration.port ?? 5432,
            username: coreConfiguration.username, password: coreConfiguration.password,
            database: coreConfiguration.database, tls: tls)
        configuration.options.maximumConnections = maxConnections
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.relay = PostgresLiveRelay(feed: live, logger: logger)
        self.logger = logger
    }

    /// Waits until a first query succeeds; the pool otherwise retries a bad URL, password or
    /// `sslmode` forever. Throws ``DatabaseError/unreachable`` after `timeout`.
    public func checkConnection(timeout: Duration = .seconds(15)) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.read { db in try await db.raw("SELECT 1").run() }
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let connected = try await group.next() ?? false
            group.cancelAll()
            guard connected else { throw DatabaseError.unreachable(timeout: timeout) }
        }
    }

    /// Runs the pool, and the sender and listener of live changes (see ``PostgresLiveRelay``).
    public func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.client.run() }
            group.addTask { await self.relay.runSender(client: self.client) }
            group.addTask { await self.relay.runListener(client: self.client) }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        do {
            let (result, changes) = try await ChangeMarks.collecting {
                try await client.withTransaction(logger: logger) { connection in
                    try await body(connection.sql(queryLogLevel: nil))
                }
            }
            relay.enqueue(changes)
            return result
        } catch let error as PostgresTransactionError {
            // Callers see the domain error that rolled the transaction back, as on SQLite.
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    public func close() async {
        relay.finish()
    }
}

public enum DatabaseError: Error, CustomStringConvertible {
    case unreachable(timeout: Duration)

    public var description: String {
        switch self {
        case .unreachable(let timeout):
            "could not connect to PostgreSQL within \(timeout): check DATABASE_URL (host, port, user, password, database, sslmode) and that the server is running"
        }
    }
}
