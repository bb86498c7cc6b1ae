import HelpdeskCore

/// The role checks of the use cases: reading configuration is for staff, changing it for
/// administrators.
enum Authorize {
    static func staff(_ user: User, _ action: String) throws {
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: action) }
    }

    static func admin(_ user: User, _ action: String) throws {
        guard user.role == .admin else { throw UseCaseError.forbidden(action: action) }
    }
}
