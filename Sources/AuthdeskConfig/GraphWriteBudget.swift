import TOMLKit

/// The Graph write budget a profile states (`graph_write_budget`, or
/// `AUTHDESK_GRAPH_WRITE_BUDGET` for the environment's profile): writes per 2.5 minutes per app
/// and tenant, for a tenant whose budget is not Graph's documented 3,000. Checked here so that
/// a bad value is refused, saying what is valid, before anything is sent.
enum GraphWriteBudget {
    /// The values accepted.
    static let valid = 1...1_000_000

    /// `text` as a budget, or the error that names `source` and what is valid.
    static func parse(_ text: String, source: String) throws(ConfigError) -> Int {
        guard let count = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw error(source, text)
        }
        return try checked(count, source: source)
    }

    static func checked(_ count: Int, source: String) throws(ConfigError) -> Int {
        guard valid.contains(count) else { throw error(source, String(count)) }
        return count
    }

    static func error(_ source: String, _ value: String) -> ConfigError {
        ConfigError(
            "\(source) must be a whole number of writes per 2.5 minutes from \(valid.lowerBound) to "
                + "\(valid.upperBound) (Graph's documented budget is 3000), not \(value)")
    }
}

extension ProfileReader {
    /// `graph_write_budget`, when the table has it.
    func writeBudget() throws(ConfigError) -> Int? {
        guard let value = table["graph_write_budget"] else { return nil }
        guard let count = value.int else {
            throw GraphWriteBudget.error("\(place): graph_write_budget", "a value of another type")
        }
        return try GraphWriteBudget.checked(count, source: "\(place): graph_write_budget")
    }
}
