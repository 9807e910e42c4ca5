/// The flash line of a screen (the browser's, the bulk screen's): the message shown, and the
/// counter that tells one message from the next so an old expiry cannot clear a newer one.
public struct FlashState: Sendable, Equatable {
    public private(set) var current: Flash?
    private var counter = 0

    public init() {}

    /// Shows `text`; returns the id whose expiry to wait for (information fades, errors stay).
    mutating func show(_ level: Flash.Level, _ text: String) -> Int? {
        counter += 1
        current = Flash(id: counter, level: level, text: text)
        return level == .info ? counter : nil
    }

    /// The flash duration passed for message `id`: it goes, unless a newer one replaced it.
    mutating func expire(_ id: Int) {
        if current?.id == id { current = nil }
    }

    /// Clears the message (the next key clears an error).
    mutating func clear() {
        current = nil
    }

    /// Clears the message if it is an error.
    mutating func clearError() {
        if current?.level == .error { current = nil }
    }
}
