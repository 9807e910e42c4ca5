extension BulkScreenState {
    /// The bulk screen's rows of the key table (``KeyMap/standard``): one scope per phase, in the
    /// order of its hint line. Running a job and retrying one are destructive: read-only drops them.
    public static let bindings: [KeyBinding] =
        policyBindings + listed(in: .bulkPlanning, [back(.bulkPlanning, "back to the browser")], letters: true)
        + listed(in: .bulkPlan, [
            KeyBinding(.enter, .accept, scope: .bulkPlan, "run (type the phrase)", isHint: true),
            KeyBinding(
                .character("r"), .showRequests, scope: .bulkPlan, "requests of the top user (none sent); j/k: others",
                isHint: true, hint: "requests"),
            back(.bulkPlan, "dry run: back, nothing sent"),
        ], letters: true)
        + listed(in: .bulkConfirm, [
            KeyBinding(.enter, .accept, scope: .bulkConfirm, "run", isDestructive: true, isHint: true),
            back(.bulkConfirm, "back to the plan"),
            KeyBinding(.backspace, .deleteBackward, scope: .bulkConfirm, "delete character"),
            KeyBinding(.control("u"), .clearInput, scope: .bulkConfirm, "clear the field"),
            KeyBinding(.tab, .nextField, scope: .bulkConfirm, "caller verification: way, note, phrase", isHint: true, hint: "next field"),
            KeyBinding(.left, .cursorLeft, scope: .bulkConfirm, "previous way the callers were verified"),
            KeyBinding(.right, .cursorRight, scope: .bulkConfirm, "next way the callers were verified"),
        ], letters: false)
        + listed(in: .bulkRunning, [
            KeyBinding(.character("p"), .pause, scope: .bulkRunning, "pause / resume", isHint: true),
            KeyBinding(.character("c"), .cancelRun, scope: .bulkRunning, "cancel (the step in flight finishes)", isHint: true),
            KeyBinding(.character("q"), .quit, scope: .bulkRunning, "pause and quit", isHint: true),
            KeyBinding(.escape, .back, scope: .bulkRunning, "(says how to pause or cancel)"),
        ], letters: true)
        + listed(in: .bulkSummary, [
            retry(.bulkSummary),
            KeyBinding(.character("e"), .export, scope: .bulkSummary, "export CSV and JSON", isHint: true),
            back(.bulkSummary, "back (done users unmarked)"),
            KeyBinding(.enter, .back, scope: .bulkSummary, "back to the browser"),
        ], letters: true)
        + listed(in: .bulkJobs, [
            KeyBinding(.enter, .accept, scope: .bulkJobs, "resume or show", isHint: true),
            retry(.bulkJobs),
            KeyBinding(
                .character("a"), .approveJob, scope: .bulkJobs, "approve another operator's job (four eyes; asks first)",
                isDestructive: true, isHint: true, hint: "approve"),
            back(.bulkJobs, "back to the browser"),
        ], letters: true)

    private static let policyBindings = [
        KeyBinding(.character(" "), .togglePolicy, scope: .bulkPolicy, "portal / all", isHint: true),
        KeyBinding(.left, .togglePolicy, scope: .bulkPolicy, "portal / all"),
        KeyBinding(.right, .togglePolicy, scope: .bulkPolicy, "portal / all"),
        KeyBinding(.tab, .togglePolicy, scope: .bulkPolicy, "portal / all"),
        KeyBinding(.enter, .accept, scope: .bulkPolicy, "plan", isHint: true),
        back(.bulkPolicy, "back to the browser"),
    ]

    private static func back(_ scope: KeyScope, _ description: String) -> KeyBinding {
        KeyBinding(.escape, .back, scope: scope, description, isHint: true)
    }

    private static func retry(_ scope: KeyScope) -> KeyBinding {
        KeyBinding(.character("t"), .retryFailed, scope: scope, "retry failed", isDestructive: true, isHint: true)
    }

    /// `bindings`, then the list movements of `scope` (`j` and `k` too unless a field takes letters).
    private static func listed(in scope: KeyScope, _ bindings: [KeyBinding], letters: Bool) -> [KeyBinding] {
        var moves: [KeyBinding] = []
        if letters { moves.append(KeyBinding(.character("j"), .moveDown, scope: scope, "down", isHint: true)) }
        moves.append(KeyBinding(.down, .moveDown, scope: scope, "down"))
        if letters { moves.append(KeyBinding(.character("k"), .moveUp, scope: scope, "up")) }
        moves += [
            KeyBinding(.up, .moveUp, scope: scope, "up"),
            KeyBinding(.pageDown, .pageDown, scope: scope, "page down"),
            KeyBinding(.pageUp, .pageUp, scope: scope, "page up"),
            KeyBinding(.home, .top, scope: scope, "first"),
            KeyBinding(.end, .bottom, scope: scope, "last"),
        ]
        return bindings + moves
    }
}
