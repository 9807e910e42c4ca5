/// Makes temporary passwords that meet Entra's complexity rule (three of: upper case, lower
/// case, digits, symbols), from the system's secure random source.
public enum PasswordGenerator {
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let lower = Array("abcdefghijkmnopqrstuvwxyz")
    static let digits = Array("23456789")
    static let symbols = Array("!#%+-=?@_")

    /// A password of `length` (at least 8) with each class at least once; no look-alike letters.
    public static func generate(length: Int = 16) -> String {
        var rng = SystemRandomNumberGenerator()
        let length = max(length, 8)
        let all = upper + lower + digits + symbols
        var characters: [Character] = [upper, lower, digits, symbols].compactMap { $0.randomElement(using: &rng) }
        while characters.count < length {
            if let next = all.randomElement(using: &rng) { characters.append(next) }
        }
        characters.shuffle(using: &rng)
        return String(characters)
    }
}
