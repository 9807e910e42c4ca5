/// The bulk screen's key table, as data: looked up by key and phase, listed for the hint line.
public enum BulkKeys {
    static let lists: Set<BulkPhase> = [.plan, .confirm, .running, .summary, .jobs, .planning]

    public static let bindings: [BulkKeyBinding] = [
        BulkKeyBinding(.character(" "), .togglePolicy, in: [.policy], "portal / all", isHint: true),
        BulkKeyBinding(.left, .togglePolicy, in: [.policy], "portal / all"),
        BulkKeyBinding(.right, .togglePolicy, in: [.policy], "portal / all"),
        BulkKeyBinding(.tab, .togglePolicy, in: [.policy], "portal / all"),
        BulkKeyBinding(.enter, .accept, in: [.policy], "plan", isHint: true),
        BulkKeyBinding(.enter, .accept, in: [.plan], "run (type the phrase)", isHint: true),
        BulkKeyBinding(.enter, .accept, in: [.confirm], "run", isHint: true),
        BulkKeyBinding(.enter, .accept, in: [.jobs], "resume or show", isHint: true),
        BulkKeyBinding(.enter, .back, in: [.summary], "back to the browser"),
        BulkKeyBinding(.character("p"), .pause, in: [.running], "pause / resume", isHint: true),
        BulkKeyBinding(.character("c"), .cancelRun, in: [.running], "cancel (the step in flight finishes)", isHint: true),
        BulkKeyBinding(.character("q"), .quit, in: [.running], "pause and quit", isHint: true),
        BulkKeyBinding(.character("t"), .retryFailed, in: [.summary, .jobs], "retry failed", isHint: true),
        BulkKeyBinding(.character("e"), .export, in: [.summary], "export CSV and JSON", isHint: true),
        BulkKeyBinding(.escape, .back, in: [.policy, .planning, .jobs], "back to the browser", isHint: true),
        BulkKeyBinding(.escape, .back, in: [.plan], "dry run: back, nothing sent", isHint: true),
        BulkKeyBinding(.escape, .back, in: [.confirm], "back to the plan", isHint: true),
        BulkKeyBinding(.escape, .back, in: [.summary], "back (done users unmarked)", isHint: true),
        BulkKeyBinding(.escape, .back, in: [.running], "(says how to pause or cancel)"),
        BulkKeyBinding(.backspace, .deleteBackward, in: [.confirm], "delete character"),
        BulkKeyBinding(.control("u"), .clearInput, in: [.confirm], "clear the field"),
        BulkKeyBinding(.character("j"), .moveDown, in: lists.subtracting([.confirm]), "down", isHint: true),
        BulkKeyBinding(.down, .moveDown, in: lists, "down"),
        BulkKeyBinding(.character("k"), .moveUp, in: lists.subtracting([.confirm]), "up"),
        BulkKeyBinding(.up, .moveUp, in: lists, "up"),
        BulkKeyBinding(.pageDown, .pageDown, in: lists, "page down"),
        BulkKeyBinding(.pageUp, .pageUp, in: lists, "page up"),
        BulkKeyBinding(.home, .top, in: lists, "first"),
        BulkKeyBinding(.end, .bottom, in: lists, "last"),
    ]

    /// The action `key` triggers in `phase`, if any.
    public static func action(for key: Key, in phase: BulkPhase) -> BulkAction? {
        bindings.first { $0.key == key && $0.phases.contains(phase) }?.action
    }

    /// The hint line of `phase`: each hinted action once, with its keys.
    public static func hints(in phase: BulkPhase) -> [(keys: String, description: String)] {
        var out: [(keys: String, description: String)] = []
        var seen: Set<BulkAction> = []
        for binding in bindings where binding.isHint && binding.phases.contains(phase) {
            guard seen.insert(binding.action).inserted else { continue }
            out.append((binding.key.label, binding.description))
        }
        return out
    }
}
