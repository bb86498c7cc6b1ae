import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird
import NIOPosix

/// The tracking table (R7.3) as an Office Open XML workbook: the same rows and column titles as
/// the CSV, with typed cells (times as dates in the desk's time zone, satisfaction as a number),
/// a frozen bold header with a filter and column widths. The workbook is built on disk row by
/// row, so memory stays flat however many rows there are, then sent with its length.
enum TrackingXLSX {
    static let widths: [Double] = [16, 17, 48, 8, 16, 14, 17, 17, 17, 10, 8, 30]

    static func response(reports: ReportService, _ input: TrackingInput, user: User, texts: TrackingTexts)
        async throws -> Response
    {
        let workbook = try XLSXWorkbook(
            sheetTitle: texts.sheetTitle,
            columns: zip(texts.titles, widths).map { XLSXWorkbook.Column(title: $0, width: $1) },
            timeZone: texts.timeZone)
        try await reports.trackingRows(input, for: user) { rows in
            for row in rows { try workbook.append(cells(row, texts: texts)) }
        }
        // Deflating a large sheet takes seconds of CPU: not on the server's event loops.
        let file = try await NIOThreadPool.singleton.runIfActive { [workbook = UncheckedBox(workbook)] in
            try workbook.value.finish()
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"tracking.xlsx\""
        let body = ResponseBody(contentLength: file.size) { writer in
            let handle = try FileHandle(forReadingFrom: file.url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 18), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
            _ = file  // removed once sent
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func cells(_ row: TrackingRow, texts: TrackingTexts) -> [XLSXWorkbook.Cell] {
        let date = { (date: Date?) in date.map(XLSXWorkbook.Cell.date) ?? .empty }
        let text = { (value: String?) in value.map(XLSXWorkbook.Cell.text) ?? .empty }
        return [
            .text(row.number), .date(row.submittedAt), .text(row.description), .text(row.priority.rawValue),
            text(row.group), text(row.engineer), .date(row.responseDueAt), date(row.respondedAt),
            date(row.resolvedAt), text(texts.statuses[row.status]),
            row.satisfaction.map { .number(Double($0)) } ?? .empty, text(row.remark),
        ]
    }
}

/// Hands a value that is used by one task at a time to a thread-pool job.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
