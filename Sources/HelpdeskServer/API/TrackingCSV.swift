import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// The tracking table (R7.3) as CSV lines (RFC 4180: fields with a comma, quote or line break
/// quoted, quotes doubled), with the column titles and statuses in the reader's language and
/// times in the desk's time zone.
enum TrackingCSV {
    /// The tracking table as UTF-8 CSV with a byte-order mark (so Excel in a Chinese locale
    /// reads it as UTF-8), streamed a batch at a time, with no row cap.
    static func response(reports: ReportService, _ input: TrackingInput, user: User, texts: TrackingTexts)
        async throws -> Response
    {
        let header = header(texts)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"tracking.csv\""
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array(header.utf8)))
            var times = LocalTimeFormatter(timeZone: texts.timeZone)
            try await reports.trackingRows(input, for: user) { rows in
                var text = ""
                for row in rows { text += line(row, texts: texts, times: &times) }
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func header(_ texts: TrackingTexts) -> String {
        texts.titles.map(field).joined(separator: ",") + "\r\n"
    }

    /// One row; `times` formats its instants in the desk's zone (as `LocalTimeText` does).
    static func line(_ row: TrackingRow, texts: TrackingTexts, times: inout LocalTimeFormatter) -> String {
        let submitted = times.format(row.submittedAt)
        let responseDue = times.format(row.responseDueAt)
        let responded = row.respondedAt.map { times.format($0) } ?? ""
        let resolved = row.resolvedAt.map { times.format($0) } ?? ""
        let fields = [
            row.number, submitted, row.description, row.priority.rawValue, row.group ?? "", row.engineer ?? "",
            responseDue, responded, resolved, texts.statuses[row.status] ?? "",
            row.satisfaction.map(String.init) ?? "", row.remark ?? "",
        ]
        return fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it must be. A leading `=`, `+`, `-` or `@` gets a `'` so that a
    /// spreadsheet shows the text instead of running it as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
