import Foundation

/// RFC 5322 §3.3 dates, with the obsolete zone names (§4.3) and two-digit years.
public enum MailDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "gmt": 0, "z": 0, "utc": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420,
    ]

    public static func parse(_ text: String) -> Date? {
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                cleaned.append(character == "," ? " " : character)
            }
        }
        var tokens = cleaned.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = tokens.first, Int(first) == nil { tokens.removeFirst() }
        guard tokens.count >= 4, let day = Int(tokens[0]),
            let month = months.firstIndex(of: String(tokens[1].lowercased().prefix(3))), var year = Int(tokens[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let time = tokens[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2 else { return nil }
        var offsetMinutes = 0
        if tokens.count >= 5 {
            let zone = tokens[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
                offsetMinutes = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
            } else {
                offsetMinutes = zones[zone.lowercased()] ?? 0
            }
        }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = time[0]
        components.minute = time[1]
        components.second = time.count > 2 ? time[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let utc = calendar.date(from: components) else { return nil }
        return utc.addingTimeInterval(TimeInterval(-offsetMinutes * 60))
    }
}
