import Foundation

/// Finds and hides sensitive data pasted into tickets before they are stored (R9.4):
/// `密码：abc123` becomes `密码：[已隐藏]`.
///
/// What is found (see `SensitiveDataKind`):
/// - credentials: the value after a label such as `密码：`, `口令=`, `密码是 `, `password:`,
///   `password is `, `api_key=`, `token `; `Bearer` and `Authorization:` tokens; AWS access key IDs;
///   JSON Web Tokens; the password in `scheme://user:password@host`; whole PEM private key blocks;
/// - resident identity numbers with a valid check character, region and birth date;
/// - mainland mobile numbers, with or without `+86`, in one run or grouped 3-4-4;
/// - payment card numbers with a card network's prefix and a valid Luhn check.
///
/// A number is only taken whole: never a part of a longer run of digits or letters, nor one joined
/// to them by `-`, `.` or `_` (`HD-20261202-0001`, `v1.13.2`, `20261202138123456789`).
/// When findings overlap, the kind listed first in `SensitiveDataKind` wins; overlapping findings
/// of the same kind are merged.
public enum SensitiveDataDetector {
    /// The sensitive values in `text`, in ascending order and without overlaps.
    public static func matches(in text: String) -> [SensitiveMatch] {
        var indices: [String.Index] = []
        var codes: [Unicode.Scalar] = []
        indices.reserveCapacity(text.utf8.count)
        codes.reserveCapacity(text.utf8.count)
        for (index, character) in zip(text.indices, text) {
            indices.append(index)
            codes.append(SensitiveDataScanner.code(for: character))
        }
        indices.append(text.endIndex)
        var scanner = SensitiveDataScanner(codes: codes)
        scanner.scan()
        return resolve(scanner.spans).map { span in
            SensitiveMatch(kind: span.kind, range: indices[span.lower]..<indices[span.upper])
        }
    }

    /// `text` with each sensitive value replaced by `placeholder`, and the kinds that were hidden.
    public static func redact(_ text: String, placeholder: String = "[已隐藏]") -> Redaction {
        let found = matches(in: text)
        guard !found.isEmpty else { return Redaction(text: text, kinds: []) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var kept = text.startIndex
        for match in found {
            result += text[kept..<match.range.lowerBound]
            result += placeholder
            kept = match.range.upperBound
        }
        result += text[kept...]
        let kinds = Set(found.map(\.kind))
        return Redaction(text: result, kinds: SensitiveDataKind.allCases.filter(kinds.contains))
    }

    /// Non-overlapping spans in ascending order: kinds are taken in priority order (the order of
    /// `SensitiveDataKind.allCases`); a span that overlaps one already taken is dropped, and
    /// overlapping spans of one kind are first merged into one.
    static func resolve(_ spans: [SensitiveSpan]) -> [SensitiveSpan] {
        var taken: [SensitiveSpan] = []
        for kind in SensitiveDataKind.allCases {
            for span in merged(spans.filter { $0.kind == kind }) {
                // The first taken span that ends after this one starts; taken spans are disjoint and sorted.
                var low = 0
                var high = taken.count
                while low < high {
                    let middle = (low + high) / 2
                    if taken[middle].upper <= span.lower { low = middle + 1 } else { high = middle }
                }
                if low < taken.count, taken[low].lower < span.upper { continue }
                taken.insert(span, at: low)
            }
        }
        return taken
    }

    private static func merged(_ spans: [SensitiveSpan]) -> [SensitiveSpan] {
        var result: [SensitiveSpan] = []
        for span in spans.sorted(by: { ($0.lower, $0.upper) < ($1.lower, $1.upper) }) {
            if let last = result.last, span.lower < last.upper {
                result[result.count - 1].upper = max(last.upper, span.upper)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
