import Foundation

/// RFC 5322 + MIME, written for real mail rather than for form uploads: LF-only line ends from
/// an MTA pipe, preambles, missing close delimiters, raw 8-bit headers, encoded words split
/// inside a character, RFC 2231 names. (multipart-kit's parser is built for
/// `multipart/form-data` over HTTP: CRLF only, no header unfolding, encoded words or RFC 2231,
/// so it does not fit.)
public enum MailParser {
    /// The Message-ID from the header lines only (no MIME parsing: intake reads it before it
    /// stores the raw message, and a message that cannot be parsed still has one).
    public static func messageId(_ raw: [UInt8]) -> String? {
        let (headerBytes, _) = MIMEPart.splitHeaderAndBody(raw[...])
        return ids(MailHeaders(parsing: headerBytes).raw("Message-ID")).first
    }

    public static func parse(_ raw: [UInt8]) throws(MailParseError) -> ParsedMail {
        let (headerBytes, _) = MIMEPart.splitHeaderAndBody(raw[...])
        let probe = MailHeaders(parsing: headerBytes)
        guard !probe.fields.isEmpty, startsWithField(headerBytes) else { throw .notAMessage }
        // Raw 8-bit headers are most often in the charset of the message's text.
        let hint = firstTextCharset(probe, raw: raw)
        let root = try MIMEPart.parse(raw[...], depth: 0, charsetHint: hint)
        let headers = root.headers
        let fromList = headers.raw("From").map { MailAddress.list($0, charsetHint: hint) } ?? []
        let sender = headers.raw("Sender").map { MailAddress.list($0, charsetHint: hint) } ?? []
        guard let from = fromList.first ?? sender.first else { throw .noSender }

        var body = BodyCollector()
        body.collect(root, inAlternative: false)
        let html = body.html.map { decodeText($0) }
        var text = body.plain.map { decodeText($0) }.joined(separator: "\n\n")
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let html { text = HTMLText.text(html) }

        return ParsedMail(
            messageId: ids(headers.raw("Message-ID")).first,
            inReplyTo: ids(headers.raw("In-Reply-To")),
            references: headers.all("References").flatMap { ids($0) },
            subject: headers.text("Subject", charsetHint: hint) ?? "",
            from: from,
            to: headers.all("To").flatMap { MailAddress.list($0, charsetHint: hint) },
            cc: headers.all("Cc").flatMap { MailAddress.list($0, charsetHint: hint) },
            replyTo: headers.raw("Reply-To").map { MailAddress.list($0, charsetHint: hint) } ?? [],
            date: headers.unstructured("Date").flatMap(MailDate.parse),
            text: trimmedTrailing(normaliseLineEnds(text)),
            html: html,
            attachments: body.attachments,
            isAutomatic: isAutomatic(headers),
            headers: headers,
            root: root)
    }

    /// The first line (after an mbox `From ` line) is a header field: `name:` in printable ASCII.
    static func startsWithField(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lines = MailHeaders.lines(bytes)[...]
        if let first = lines.first, first.starts(with: Array("From ".utf8)) { lines = lines.dropFirst() }
        guard let line = lines.first, let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex
        else { return false }
        return line[line.startIndex..<colon].allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    static func decodeText(_ part: MIMEPart) -> String {
        var label = part.contentType["charset"]
        if label == nil, part.contentType.value == "text/html" { label = metaCharset(part.body) }
        return normaliseLineEnds(MailCharset.decode(part.body, label: label))
    }

    static func trimmedTrailing(_ text: String) -> String {
        var view = Substring(text)
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }

    static func normaliseLineEnds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// `<meta charset=…>` or `content="text/html; charset=…"` in the first 2 KB.
    static func metaCharset(_ body: [UInt8]) -> String? { charsetLabel(in: body.prefix(2048)) }

    /// The name after the first `charset=` in the bytes (ASCII only read).
    static func charsetLabel(in bytes: ArraySlice<UInt8>) -> String? {
        let ascii = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let range = ascii.range(of: "charset=") else { return nil }
        let rest = ascii[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// The charset of the message's first labelled text part, found by a cheap scan.
    static func firstTextCharset(_ headers: MailHeaders, raw: [UInt8]) -> String? {
        if let type = headers.raw("Content-Type"), let charset = HeaderParameters(parsing: type)["charset"] {
            return charset
        }
        return charsetLabel(in: raw.prefix(65536))
    }

    /// The `<id>` tokens of a Message-ID, In-Reply-To or References field, brackets removed.
    static func ids(_ raw: [UInt8]?) -> [String] {
        guard let raw else { return [] }
        let text = String(decoding: raw, as: UTF8.self)
        var result = [String]()
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let id = text[text.index(after: open)..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { result.append(String(id)) }
            search = text.index(after: close)
        }
        if result.isEmpty {
            let bare = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !bare.isEmpty, !bare.contains(" "), bare.contains("@") { result.append(bare) }
        }
        return result
    }

    static func isAutomatic(_ headers: MailHeaders) -> Bool {
        func value(_ name: String) -> String? {
            headers.raw(name).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            }
        }
        if let auto = value("Auto-Submitted"), auto != "no" { return true }
        if let precedence = value("Precedence"), ["bulk", "junk", "auto_reply", "list"].contains(precedence) {
            return precedence != "list"
        }
        return value("X-Autoreply") != nil || value("X-Autorespond") != nil
            || value("X-Auto-Response-Suppress") != nil
    }
}

/// Walks the tree once: which parts are the body and which are attachments.
struct BodyCollector {
    var plain = [MIMEPart]()
    var html: MIMEPart?
    var attachments = [MailAttachment]()

    mutating func collect(_ part: MIMEPart, inAlternative: Bool) {
        if part.isMultipart {
            if part.contentType.value == "multipart/alternative" {
                collectAlternative(part)
            } else {
                for child in part.children { collect(child, inAlternative: false) }
            }
            return
        }
        let disposition = HeaderParameters(parsing: part.headers.raw("Content-Disposition") ?? [])
        let filename = disposition["filename"] ?? part.contentType["name"]
        let isText = part.contentType.value == "text/plain" || part.contentType.value == "text/html"
        if isText, disposition.value != "attachment", filename == nil {
            if part.contentType.value == "text/plain" {
                plain.append(part)
            } else if html == nil {
                html = part
            } else {
                attach(part, filename: nil, disposition: disposition)
            }
            return
        }
        attach(part, filename: filename, disposition: disposition)
    }

    /// multipart/alternative: the text/plain version is the body; the HTML one is kept as
    /// `html`; inline images of a related HTML version are still attachments.
    mutating func collectAlternative(_ part: MIMEPart) {
        var sub = BodyCollector()
        for child in part.children { sub.collect(child, inAlternative: true) }
        if !sub.plain.isEmpty {
            plain.append(sub.plain[0])
        }
        if html == nil { html = sub.html }
        attachments += sub.attachments
    }

    mutating func attach(_ part: MIMEPart, filename: String?, disposition: HeaderParameters) {
        let contentId = MailParser.ids(part.headers.raw("Content-ID")).first
        let name = filename?.trimmingCharacters(in: .whitespacesAndNewlines)
        attachments.append(
            MailAttachment(
                filename: (name?.isEmpty == false ? name : nil) ?? defaultName(part, index: attachments.count + 1),
                contentType: part.contentType.value,
                contentId: contentId,
                isInline: disposition.value == "inline" || (disposition.value.isEmpty && contentId != nil),
                charset: part.contentType["charset"], data: part.body))
    }

    func defaultName(_ part: MIMEPart, index: Int) -> String {
        let type = part.contentType.value
        let ext: String
        switch type {
        case "message/rfc822": ext = "eml"
        case "text/plain": ext = "txt"
        case "text/html": ext = "html"
        case "image/png": ext = "png"
        case "image/jpeg": ext = "jpg"
        case "image/gif": ext = "gif"
        default: ext = "bin"
        }
        return "attachment-\(index).\(ext)"
    }
}
