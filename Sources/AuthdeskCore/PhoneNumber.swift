/// A phone number in the one form Graph accepts: `+{country code} {number}`, optionally
/// followed by `x{extension}` (`+1 2065555555`, `+1 5555551234x123`).
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    public let countryCode: String
    public let subscriber: String
    public let phoneExtension: String?

    /// What a valid number looks like, for error messages.
    public static let formatHint = "use +<country code> <number>[x<extension>], e.g. +1 2065555555 or +1 5555551234x123"

    /// Parses `text`, or throws a ``ValidationError`` that says what is valid.
    public init(_ text: String) throws(ValidationError) {
        func fail(_ why: String) -> ValidationError {
            ValidationError(field: "number", message: "\(why): \(PhoneNumber.formatHint)")
        }
        guard text.first == "+" else { throw fail("'\(text)' must start with +") }
        let body = text.dropFirst()
        let parts = body.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw fail("'\(text)' needs exactly one space, between the country code and the number")
        }
        let country = parts[0]
        guard (1...3).contains(country.count), country.allSatisfy(\.isASCIIDigit) else {
            throw fail("the country code '\(country)' must be 1 to 3 digits")
        }
        var rest = parts[1]
        var ext: Substring?
        if let x = rest.firstIndex(of: "x") {
            ext = rest[rest.index(after: x)...]
            rest = rest[..<x]
            guard let ext, !ext.isEmpty, ext.count <= 10, ext.allSatisfy(\.isASCIIDigit) else {
                throw fail("the extension after x must be 1 to 10 digits")
            }
        }
        guard (4...15).contains(rest.count), rest.allSatisfy(\.isASCIIDigit) else {
            throw fail("the number '\(rest)' must be 4 to 15 digits, with no spaces or dashes")
        }
        countryCode = String(country)
        subscriber = String(rest)
        phoneExtension = ext.map(String.init)
    }

    public var description: String {
        "+\(countryCode) \(subscriber)" + (phoneExtension.map { "x\($0)" } ?? "")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
