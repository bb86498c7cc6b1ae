import Foundation
import HelpdeskCore
import Logging

/// Configuration read once at start-up: command-line flags over environment over defaults.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Holds `helpdesk.sqlite` when no PostgreSQL URL is given.
    public var dataDirectory = "./data"
    /// `postgres://user:password@host:port/database`; SQLite when nil.
    public var databaseURL: String?
    /// Password for the `admin` account created on an empty database; random when nil.
    public var adminPassword: String?
    public var tokenLifetimeHours = 168
    public var logLevel = Logger.Level.info
    /// Training/demo mode: the server's time starts here and moves only when an admin sets it.
    public var simulatedClockStart: Date?
    /// Run the SLA scheduler in this instance (every instance may; they share the work).
    public var schedulerEnabled = true
    public var schedulerIntervalMilliseconds = 1000
    /// E-mail notices go out only when an SMTP relay is configured.
    public var smtp: SMTPConfiguration?
    public var webhookTimeoutSeconds: Double = 10
    /// PEM file of the certificate authorities the IMAP channels trust instead of the system's
    /// (a mail server with an internal CA).
    public var imapTrustRootsFile: String?
    /// Session secret, `Secure` cookies and the attachment size limit of the web UI.
    public var web = WebOptions()

    public init() {}

    /// Defaults overridden by `HELPDESK_*` variables and `DATABASE_URL`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ServerConfiguration
    {
        var config = ServerConfiguration()
        if let host = environment["HELPDESK_HOST"] { config.host = host }
        if let port = environment["HELPDESK_PORT"] {
            guard let value = Int(port), (1...65535).contains(value) else {
                throw ConfigurationError.invalid("HELPDESK_PORT", port)
            }
            config.port = value
        }
        if let dir = environment["HELPDESK_DATA_DIR"] { config.dataDirectory = dir }
        if let url = environment["DATABASE_URL"], !url.isEmpty { config.databaseURL = url }
        if let password = environment["HELPDESK_ADMIN_PASSWORD"], !password.isEmpty { config.adminPassword = password }
        if let hours = environment["HELPDESK_TOKEN_TTL_HOURS"] {
            guard let value = Int(hours), value > 0 else {
                throw ConfigurationError.invalid("HELPDESK_TOKEN_TTL_HOURS", hours)
            }
            config.tokenLifetimeHours = value
        }
        if let level = environment["HELPDESK_LOG_LEVEL"] {
            guard let value = Logger.Level(rawValue: level) else {
                throw ConfigurationError.invalid("HELPDESK_LOG_LEVEL", level)
            }
            config.logLevel = value
        }
        if let flag = environment["HELPDESK_SCHEDULER"] {
            guard ["on", "off"].contains(flag) else { throw ConfigurationError.invalid("HELPDESK_SCHEDULER", flag) }
            config.schedulerEnabled = flag == "on"
        }
        if let raw = environment["HELPDESK_SCHEDULER_INTERVAL_MS"] {
            guard let value = Int(raw), (50...60_000).contains(value) else {
                throw ConfigurationError.invalid("HELPDESK_SCHEDULER_INTERVAL_MS", raw)
            }
            config.schedulerIntervalMilliseconds = value
        }
        if let host = environment["HELPDESK_SMTP_HOST"], !host.isEmpty {
            let port = environment["HELPDESK_SMTP_PORT"] ?? "25"
            guard let portNumber = Int(port), (1...65535).contains(portNumber) else {
                throw ConfigurationError.invalid("HELPDESK_SMTP_PORT", port)
            }
            guard let from = environment["HELPDESK_SMTP_FROM"], EmailAddress.isValid(from) else {
                throw ConfigurationError.invalid("HELPDESK_SMTP_FROM", environment["HELPDESK_SMTP_FROM"] ?? "")
            }
            let securityName = environment["HELPDESK_SMTP_SECURITY"].flatMap { $0.isEmpty ? nil : $0 } ?? "none"
            guard let security = SMTPSecurity(rawValue: securityName.lowercased()) else {
                throw ConfigurationError.invalid("HELPDESK_SMTP_SECURITY", securityName)
            }
            let smtp = SMTPConfiguration(
                host: host, port: portNumber, from: from, username: environment["HELPDESK_SMTP_USER"],
                password: environment["HELPDESK_SMTP_PASSWORD"], security: security,
                trustRootsFile: environment["HELPDESK_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
            // A password is never sent in the clear to another machine: fail at start, not at the first e-mail.
            if smtp.username != nil, smtp.security == .none, !smtp.isLoopback {
                throw ConfigurationError.invalid(
                    "HELPDESK_SMTP_SECURITY", "none (with HELPDESK_SMTP_USER set, use starttls or tls for \(host))")
            }
            config.smtp = smtp
        }
        if let file = environment["HELPDESK_IMAP_CA_FILE"], !file.isEmpty { config.imapTrustRootsFile = file }
        if let secret = environment["HELPDESK_SESSION_SECRET"], !secret.isEmpty {
            guard secret.count >= 32 else {
                throw ConfigurationError.invalid("HELPDESK_SESSION_SECRET", "(shorter than 32 characters)")
            }
            config.web.sessionSecret = secret
        }
        if let secure = environment["HELPDESK_SECURE_COOKIES"] {
            guard let value = Bool(secure) else { throw ConfigurationError.invalid("HELPDESK_SECURE_COOKIES", secure) }
            config.web.secureCookies = value
        }
        if let megabytes = environment["HELPDESK_MAX_ATTACHMENT_MB"] {
            guard let value = Int(megabytes), (1...100).contains(value) else {
                throw ConfigurationError.invalid("HELPDESK_MAX_ATTACHMENT_MB", megabytes)
            }
            config.web.maxAttachmentBytes = value * 1024 * 1024
        }
        return config
    }

    public var sqlitePath: String { URL(fileURLWithPath: dataDirectory).appendingPathComponent("helpdesk.sqlite").path }
}

public enum ConfigurationError: Error, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let key, let value): "invalid value for \(key): \(value)"
        }
    }
}
