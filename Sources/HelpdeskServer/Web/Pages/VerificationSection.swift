/// The ticket page's internal verification (R5.1), for staff: who resolved it and when, the
/// verifier's form while it waits, and who passed it afterwards.
struct VerificationSection: Sendable {
    let waiting: Bool
    let resolver: String
    let requestedAt: String
    /// This user may pass or fail it (Core's `Verifications.mayVerify`).
    let canVerify: Bool
    let verifiedBy: String?
    let verifiedAt: String?
}
