import Foundation
import HelpdeskTestSupport
import Testing

/// LibreOffice's command, where it is installed (`.ci/run` installs it).
let officeProgram = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The tracking workbook opened by a real spreadsheet program: LibreOffice Calc, headless,
/// converting it to CSV reads every part the way it reads a user's file.
@Suite("The tracking workbook in LibreOffice (R7.3)", .enabled(if: officeProgram != nil))
struct WorkbookInLibreOfficeTests {

    @Test("Calc reads every row, the Chinese text, and the times as the desk's local dates")
    func opens() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await ReportAPITests.desk(api)
            let xlsx = try await ReportAPITests.raw(
                api, "/api/v1/reports/tracking?from=2026-11-29T16:00:00Z&until=2026-12-31T16:00:00Z&format=xlsx",
                token: desk.admin, language: "zh-CN")
            #expect(xlsx.status == .ok)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "helpdesk-calc-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let workbook = directory.appendingPathComponent("tracking.xlsx")
            try Data(xlsx.bytes).write(to: workbook)
            let status = try await ExternalProgram.run(
                officeProgram!,
                [
                    "-env:UserInstallation=file://\(directory.path)/profile", "--headless",
                    // comma, double quote, UTF-8, from line 1; text cells quoted
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true", "--outdir", directory.path,
                    workbook.path,
                ])
            #expect(status == 0)
            let csv = try String(contentsOf: directory.appendingPathComponent("tracking.csv"), encoding: .utf8)
            let lines = csv.split(whereSeparator: \.isNewline)
            #expect(lines.count == 4)  // the header and the three tickets
            // text cells come out quoted (the filter's option), dates and numbers bare: typed cells
            #expect(lines.first?.hasPrefix(#""工单编号","提交时间""#) == true, "\(csv)")
            let vpn = try #require(lines.first { $0.contains("在家无法连接 VPN") })
            #expect(vpn.contains(#","运维组","li.l1",2026-12-01 15:00,2026-12-01 10:20,2026-12-01 11:00,"#), "\(vpn)")
            #expect(vpn.hasPrefix(#""TS20261201001",2026-12-01 10:00,"#) && vpn.contains(#""已确认",5,"#), "\(vpn)")
            #expect(!csv.contains("13912345678"))
        }
    }
}
