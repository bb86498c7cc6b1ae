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
        self.logger = logger
    }

    public func run() async throws {
        await client.run()
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        } catch let error as PostgresTransactionError {
            // Callers see the domain error that rolled the transaction back, as on SQLite.
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    public func close() async {}
}
