import Foundation
import HelpdeskCore
import HelpdeskMail

/// Reads the words of a plain-text attachment for the search index: UTF-16 by its byte-order
/// mark, else by the charset the sender named, else UTF-8 when valid, else GB18030 or Big5
/// (``MailCharset``, as mail bodies are read): Chinese logs from Windows are often GBK.
public enum AttachmentDecoding {
    /// `upload` with its ``AttachmentUpload/text`` filled in when it is plain text and has none.
    public static func withText(_ upload: AttachmentUpload, charset: String? = nil) -> AttachmentUpload {
        guard upload.text == nil else { return upload }
        var decoded = upload
        decoded.text = text(
            filename: upload.filename, contentType: upload.contentType, data: upload.data, charset: charset)
        return decoded
    }

    /// The indexed text of a file, or nil when it is not plain text.
    public static func text(filename: String, contentType: String, data: Data, charset: String? = nil) -> String? {
        guard AttachmentText.isPlainText(filename: filename, contentType: contentType),
            AttachmentText.looksLikeText(data)
        else { return nil }
        // Only the indexed beginning is decoded (four bytes a character at most); a cut
        // multi-byte character at the end decodes as one replacement character.
        let head = data.prefix(AttachmentText.indexedCharacters * 4)
        if let encoding = AttachmentText.utf16Encoding(of: head) {
            let even = head.prefix(head.count & ~1)
            return String(data: even, encoding: encoding).flatMap(AttachmentText.indexed)
        }
        return AttachmentText.indexed(MailCharset.decode([UInt8](head), label: charset))
    }
}
