import HelpdeskCore

extension FormData {
    /// The form's files as the domain takes them, names and types made safe.
    var uploads: [AttachmentUpload] {
        files.map {
            AttachmentUpload(filename: $0.filename, contentType: $0.contentType, data: $0.data)
        }
    }
}
