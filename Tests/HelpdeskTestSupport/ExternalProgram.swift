import Foundation

/// Runs a program and waits for it without holding one of the few cooperative threads the
/// whole parallel test run shares (`waitUntilExit` would block one for as long as it runs).
public enum ExternalProgram {
    /// The program's exit status; its output goes nowhere.
    public static func run(_ path: String, _ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
