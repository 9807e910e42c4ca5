/// One input of a dialog: a line of text with a cursor (masked for a password), or a choice
/// among a few options that space and the arrows change.
public struct DialogField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text(masked: Bool)
        case choice([String])
    }

    public let id: DialogFieldID
    public let label: String
    public let kind: Kind
    /// The text as typed (text fields).
    public var text: String
    /// Where the cursor is, in characters from the start of ``text``.
    public var cursor: Int
    /// The chosen option's index (choice fields).
    public var choice: Int
    /// What the field takes, shown under it while it is empty.
    public var placeholder: String

    public init(_ id: DialogFieldID, _ label: String, text: String = "", placeholder: String = "") {
        self.id = id
        self.label = label
        kind = .text(masked: id == .password || id == .pin)
        self.text = text
        cursor = text.count
        choice = 0
        self.placeholder = placeholder
    }

    public init(_ id: DialogFieldID, _ label: String, options: [String], choice: Int = 0) {
        self.id = id
        self.label = label
        kind = .choice(options)
        text = ""
        cursor = 0
        self.choice = choice
        placeholder = ""
    }

    public var isText: Bool {
        if case .text = kind { return true }
        return false
    }

    public var options: [String] {
        if case .choice(let options) = kind { return options }
        return []
    }

    /// The chosen option's label (choice fields).
    public var chosen: String {
        options.indices.contains(choice) ? options[choice] : ""
    }

    mutating func insert(_ character: Character) {
        let index = text.index(text.startIndex, offsetBy: min(cursor, text.count))
        text.insert(character, at: index)
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0, !text.isEmpty else { return }
        let index = text.index(text.startIndex, offsetBy: min(cursor, text.count) - 1)
        text.remove(at: index)
        cursor -= 1
    }

    mutating func clear() {
        text = ""
        cursor = 0
    }

    mutating func move(by delta: Int) {
        switch kind {
        case .text:
            cursor = min(max(0, cursor + delta), text.count)
        case .choice(let options):
            guard !options.isEmpty else { return }
            choice = ((choice + delta) % options.count + options.count) % options.count
        }
    }
}
