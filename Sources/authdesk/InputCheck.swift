import ArgumentParser
import AuthdeskCore
import Foundation

/// Checks of command-line input made before anything starts or is sent; each failure says what
/// would be valid.
enum InputCheck {
    /// `+{country code} {number}[x{extension}]`, as Graph accepts it.
    static func phoneNumber(_ text: String) throws -> PhoneNumber {
        do {
            return try PhoneNumber(text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw ValidationError("--number: \(error.message)")
        }
    }

    /// The shape `name@domain.tld`: one @, a dotted domain, no spaces, commas or semicolons.
    static func emailAddress(_ text: String) throws {
        let address = text.trimmingCharacters(in: .whitespaces)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
              !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
        else {
            throw ValidationError("'\(text)' is not an e-mail address: use name@domain.tld")
        }
    }

    /// An ISO 8601 date and time with its zone: `2026-12-01T09:00:00Z` or `2026-12-01T10:00:00+01:00`,
    /// fractional seconds allowed.
    static func dateTime(_ text: String, option: String) throws -> Date {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        throw ValidationError(
            "\(option) '\(text)' is not an ISO 8601 date and time: use e.g. 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00")
    }
}
