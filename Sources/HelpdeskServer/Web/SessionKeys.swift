import Foundation
import HelpdeskStore
import HelpdeskUseCases

/// Loads the session secret once: the configured one, else the one in the `settings` table,
/// generated and stored by whichever instance starts first.
actor SessionKeys {
    private let store: any ConfigurationStore
    private let configured: String?
    private let clock: AppClock
    private var signer: SessionSigner?

    init(store: any ConfigurationStore, configured: String?, clock: AppClock) {
        self.store = store
        self.configured = configured
        self.clock = clock
    }

    func current() async throws -> SessionSigner {
        if let signer { return signer }
        let secret: String
        if let configured {
            secret = configured
        } else {
            secret = try await store.settingOrInsert("session_secret", Tokens.generate(), now: clock.now())
        }
        let signer = SessionSigner(secret: secret)
        self.signer = signer
        return signer
    }
}
