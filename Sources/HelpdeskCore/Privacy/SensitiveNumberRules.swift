import Foundation

/// Check-digit and plausibility rules for the numbers the detector looks for.
enum SensitiveNumberRules {
    private static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each remainder modulo 11, with X standing for 10.
    private static let residentCheck = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]
    /// The first two digits: province-level region codes (GB/T 2260), plus 81–83 for the
    /// residence permits of Hong Kong, Macao and Taiwan residents.
    private static let residentRegions: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]

    /// Whether 17 digits and a check value (0–9, or 10 for X) form a resident identity number
    /// (GB 11643): known region, birth date YYYYMMDD in 1900–2099, and a matching check character.
    static func isResidentID(_ digits: [Int], check: Int) -> Bool {
        guard digits.count == 17, residentRegions.contains(digits[0] * 10 + digits[1]) else { return false }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard (1900...2099).contains(year), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day)
        else { return false }
        let sum = zip(digits, residentWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return residentCheck[sum % 11] == check
    }

    /// Whether 13–19 digits look like a payment card: a card network's issuer prefix with a length
    /// that network issues, and a valid Luhn check.
    static func isCardNumber(_ digits: [Int]) -> Bool {
        guard (13...19).contains(digits.count), hasCardPrefix(digits) else { return false }
        return passesLuhn(digits)
    }

    /// The Luhn (mod 10) check over all digits, the last one being the check digit.
    static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// Card networks' issuer prefixes and lengths: Visa 4 (13, 16 or 19 digits); Mastercard 51–55 and
    /// 2221–2720, Maestro 50 and 56–58 (16–19); Amex 34, 37 (15); JCB 3528–3589 (16–19); Diners 300–305,
    /// 36, 38, 39 (14–19); UnionPay 62 and 81, Discover 60, 64, 65 and other 6s (16–19). Order numbers
    /// that begin with a year (`2026…`), millisecond timestamps (`17…`) and IMEIs (15 digits) fall outside.
    private static func hasCardPrefix(_ digits: [Int]) -> Bool {
        let prefix = digits[0...3].reduce(0) { $0 * 10 + $1 }
        let length = digits.count
        switch prefix / 1000 {
        case 4: return [13, 16, 19].contains(length)
        case 2: return (2221...2720).contains(prefix) && length == 16
        case 5: return (5000..<5900).contains(prefix) && length >= 16
        case 6: return length >= 16
        case 8: return prefix / 100 == 81 && length >= 16
        case 3:
            switch prefix / 100 {
            case 34, 37: return length == 15
            case 35: return (3528...3589).contains(prefix) && length >= 16
            case 30: return prefix < 3060 && length >= 14
            case 36, 38, 39: return length >= 14
            default: return false
            }
        default: return false
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
