import Foundation

public enum DeliveryOutcome: Sendable, Equatable {
    case delivered(status: Int?)
    /// `retryAt` nil: give up (the delivery is marked failed).
    case failed(status: Int?, error: String, retryAt: Date?)
}
