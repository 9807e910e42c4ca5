/// One command of the browser's `:` line, as data: its names, its argument, what it does (for
/// the help screen and the unknown-command message) and how it changes the browser.
///
/// ``all`` is the whole table: the command line runs the first row that matches what was typed
/// (``dispatch(_:on:)``).
public struct BrowserCommand: Sendable {
    /// Whether the command takes an argument after its name.
    public enum Argument: Sendable, Equatable {
        case none
        /// Must be given; the label names it in help (`NAME`).
        case required(String)
        /// May be left out; the label names it in help (`REF`).
        case optional(String)
    }

    /// The names help lists, in order (`q`, `quit`).
    public let names: [String]
    /// Further names that work but are not listed (`q!`, `h`).
    public var aliases: [String] = []
    public var argument: Argument = .none
    public let description: String
    /// Runs the command on the browser with its argument (empty when none was typed).
    let run: @Sendable (inout BrowserState, String) -> [BrowserEffect]

    /// How help and the unknown-command message write the command: `:q, :quit`, `:tenant NAME`.
    public var usage: String {
        let suffix = switch argument {
        case .none: ""
        case .required(let label), .optional(let label): " " + label
        }
        return names.map { ":" + $0 + suffix }.joined(separator: ", ")
    }

    /// Whether `name` followed by `argument` (empty: none typed) is this command.
    func matches(_ name: String, argument typed: String) -> Bool {
        guard names.contains(name) || aliases.contains(name) else { return false }
        switch argument {
        case .none: return typed.isEmpty
        case .required: return !typed.isEmpty
        case .optional: return true
        }
    }

    /// Every command of the `:` line, in the order help lists them.
    public static let all: [BrowserCommand] = [
        BrowserCommand(names: ["q", "quit"], aliases: ["q!"], description: "quit") { state, _ in
            state.quitRequested = true
            return []
        },
        BrowserCommand(names: ["help"], aliases: ["h"], description: "show the key bindings") { state, _ in
            state.help.isShown = true
            return []
        },
        BrowserCommand(names: ["jobs"], description: "the bulk reset jobs of the journal") { _, _ in [.openJobs] },
        BrowserCommand(names: ["unmark"], description: "clear every mark") { state, _ in state.performMarking(.clearMarks) },
        BrowserCommand(names: ["journal"], description: "show the audit journal") { state, _ in state.openJournal() },
        BrowserCommand(names: ["whoami"], description: "who is signed in, and which actions are allowed") { state, _ in
            state.openWhoami()
        },
        BrowserCommand(names: ["activity"], description: "what other operators do now (team mode)") { state, _ in
            state.openActivity()
        },
        BrowserCommand(
            names: ["ticket"], argument: .optional("REF"), description: "set the ticket reference for changes"
        ) { state, reference in
            state.setTicket(reference)
        },
        BrowserCommand(names: ["tenant"], argument: .required("NAME"), description: "switch to tenant NAME") { state, name in
            state.switchTenant(to: name)
        },
        BrowserCommand(names: ["tenant"], description: "choose a tenant from a list") { state, _ in state.openTenantPicker() },
    ]

    /// Runs the command line's `text` (spaces already collapsed) on `state`; an unknown command
    /// changes nothing and says which are valid.
    static func dispatch(_ text: String, on state: inout BrowserState) -> [BrowserEffect] {
        guard !text.isEmpty else { return [] }
        let name = String(text.prefix { $0 != " " })
        let argument = String(text.dropFirst(name.count + 1))
        if let command = all.first(where: { $0.matches(name, argument: argument) }) {
            return command.run(&state, argument)
        }
        let valid = all.map(\.usage).joined(separator: ", ")
        return state.showFlash(.error, "Unknown command :\(text) (valid: \(valid))")
    }
}
