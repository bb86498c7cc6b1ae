import Foundation

/// A file in the temporary directory that is removed when the last reference goes, so a download
/// built on disk disappears once it has been sent, or the request was dropped.
final class TemporaryFile: Sendable {
    let url: URL

    init(extension suffix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "helpdesk-" + UUID().uuidString + "." + suffix)
    }

    var size: Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
