import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskText
import AuthdeskViewModels
import AuthdeskWorkflows

/// Draws the bulk "reset all MFA" screen full-screen: a pure function of its state, the
/// terminal size and the options, giving a ``CellGrid`` (tests read it as text).
///
/// Top to bottom: the banner (tenant colour, phase), a header of two lines (policy and totals,
/// or the progress bar and throughput), the list (plan, run rows, summary, jobs), the flash or
/// confirmation line, and the hint line.
public struct BulkRenderer {
    let state: BulkScreenState
    let options: RenderOptions
    let theme: Theme
    var grid: CellGrid

    /// The line-drawing and ellipsis characters the options ask for.
    var glyphs: Glyphs { options.glyphs }

    /// The first row of the list area and its height at `height` rows.
    public static func listRows(height: Int) -> Int { max(1, height - 6) }

    public static func render(
        _ state: BulkScreenState, tenantColor: String? = nil, width: Int, height: Int, options: RenderOptions
    ) -> CellGrid {
        var renderer = BulkRenderer(
            state: state, options: options,
            theme: Theme(options: options, tenantColor: tenantColor.flatMap(TerminalColor.init(name:))),
            grid: CellGrid(width: width, height: height, asciiOnly: options.asciiText))
        renderer.draw()
        return renderer.grid
    }

    mutating func draw() {
        guard grid.width >= 20, grid.height >= 8 else {
            put("authdesk needs at least 20x8 for this screen", at: 0, 0, style: theme.text)
            return
        }
        drawBanner()
        switch state.phase {
        case .closed: break
        case .policy: drawPolicy()
        case .planning: drawPlanning()
        case .plan, .confirm: drawPlan()
        case .running: drawRun()
        case .summary: drawSummary()
        case .jobs: drawJobs()
        }
        drawFlashLine()
        drawHints()
    }

    var listTop: Int { 4 }
    var listHeight: Int { Self.listRows(height: grid.height) }

    // MARK: Banner, flash, hints

    private mutating func drawBanner() {
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: theme.banner)
        let sep = " \(glyphs.separator) "
        var title = " authdesk" + sep + "reset all MFA" + sep + state.phase.title
        if let run = state.run, state.phase == .running || state.phase == .summary { title += sep + "job \(run.jobID)" }
        put(title, at: 0, 0, style: theme.banner, width: grid.width - 12)
        if state.readOnly { put(" READ-ONLY ", at: grid.width - 11, 0, style: theme.bannerAlert) }
    }

    private mutating func drawFlashLine() {
        let y = grid.height - 2
        if state.phase == .confirm, let phrase = state.confirmationPhrase {
            var x = 1
            x += put("Type \(phrase) to run: ", at: x, y, style: theme.prompt)
            x += put(state.phrase, at: x, y, style: theme.text, width: grid.width - x - 2)
            if !state.verificationFocused { grid.set(Cell(" ", style: theme.cursor), x: x, y: y) }
            let above = drawVerificationLine(above: y)
            if let problem = state.phraseProblem {
                grid.fill(x: 0, y: above - 1, width: grid.width, height: 1)
                put(problem, at: 1, above - 1, style: theme.error, width: grid.width - 2)
            }
            return
        }
        guard let flash = state.flashes.current else {
            if state.phase == .plan, let reason = state.everyoneRefused {
                put(reason, at: 1, y, style: theme.error, width: grid.width - 2)
            }
            return
        }
        put(flash.text, at: 1, y, style: flash.level == .error ? theme.error : theme.info, width: grid.width - 2)
    }

    private mutating func drawHints() {
        let runOffered = state.everyoneRefused == nil
        let retryOffered = state.canRetryFailed
        let hints = (state.phase.keyScope.map { state.keyMap.hints(in: [$0]) } ?? []).filter { hint in
            (runOffered || state.phase != .plan || hint.action != .accept) && (retryOffered || hint.action != .retryFailed)
                && (state.needsVerification || hint.action != .nextField)
        }
        grid.putHints(
            hints, x: 1, y: grid.height - 1, limit: grid.width - 1, keyStyle: theme.hintKey, textStyle: theme.hintText,
            ellipsis: glyphs.ellipsis)
    }

    // MARK: Phases

    private mutating func drawPolicy() {
        let count = state.targets.count
        put("Reset all MFA of \(count) user\(count == 1 ? "" : "s"): \(tenantCounts(state.targets.map(\.tenant)))",
            at: 1, 1, style: theme.header)
        var y = 3
        for policy in ResetPolicy.allCases {
            let chosen = policy == state.policy
            let line = "\(chosen ? "(\u{2022})" : "( )") \(policy.rawValue)"
            put(options.asciiText ? line.replacingOccurrences(of: "\u{2022}", with: "*") : line, at: 2, y,
                style: chosen ? theme.selection : theme.text)
            for text in TextWrap.lines(policy.summary, width: grid.width - 8, asciiOnly: options.asciiText) {
                y += 1
                put(text, at: 6, y, style: theme.secondary)
            }
            y += 2
        }
        for entry in state.targets.prefix(max(0, grid.height - y - 3)) {
            put("\(entry.tenant)  \(entry.user.displayName)  \(entry.user.principalName)", at: 2, y, style: theme.text)
            y += 1
        }
        if state.targets.count > max(0, grid.height - y - 3) + 0, y >= grid.height - 3 {
            put("\(glyphs.ellipsis) \(state.targets.count) users in all", at: 2, grid.height - 3, style: theme.secondary)
        }
    }

    private mutating func drawPlanning() {
        put("Policy \(state.policy.rawValue): reading the methods of \(state.planningTotal) users" + glyphs.ellipsis,
            at: 1, 1, style: theme.header)
        let progress = state.planning ?? PlanningProgress(total: state.planningTotal, at: .zero)
        drawBar(done: progress.fraction, of: 1, y: 2, label: "\(progress.done)/\(progress.total) planned")
        put(progress.text, at: 1, 3, style: theme.secondary, width: grid.width - 2)
    }

    private mutating func drawPlan() {
        guard let plan = state.plan else { return }
        let totals = plan.totals
        let deletions = totals.stepsByAction[.delete] ?? 0
        let deactivations = totals.stepsByAction[.deactivate] ?? 0
        let others = totals.steps - deletions - deactivations
        put("Policy \(plan.policy.rawValue): \(plan.policy.summary)", at: 1, 1, style: theme.secondary, width: grid.width - 2)
        var line = "\(totals.users) user\(totals.users == 1 ? "" : "s") \(glyphs.separator) \(deletions) delete"
            + " \(glyphs.separator) \(deactivations) deactivate"
        if others > 0 { line += " \(glyphs.separator) \(others) make-default" }
        line += " \(glyphs.separator) \(totals.kept) kept"
        if totals.flagged > 0 { line += " (\(totals.flagged) to review)" }
        if totals.refused > 0 { line += " \(glyphs.separator) \(totals.refused) refused" }
        if !state.unplanned.isEmpty { line += " \(glyphs.separator) \(state.unplanned.count) unreadable" }
        put(line, at: 1, 2, style: theme.header, width: grid.width - 2)
        let lines = planLines(plan)
        var height = listHeight
        if state.phase == .confirm, state.phraseProblem != nil { height -= 1 }
        if state.phase == .confirm, state.needsVerification { height -= 1 }
        // The scroll position ("1-18/21") goes at the end of this line: leave it room.
        let reserved = lines.count > height ? "\(lines.count)-\(lines.count)/\(lines.count)".count + 2 : 0
        put("Per tenant: " + perTenant(plan), at: 1, 3, style: theme.secondary, width: grid.width - 2 - reserved)
        if let shown = state.userRequests {
            drawLines(requestLines(shown), from: 0, height: height)
        } else {
            drawLines(lines, from: state.top, height: height)
        }
    }

    /// The plan as lines: per user a heading, the steps in order, the kept methods with the
    /// reason, every note, a blank line; then the users that could not be read.
    func planLines(_ plan: ResetJobPlan) -> [(String, CellStyle)] {
        var out: [(String, CellStyle)] = []
        for user in plan.users {
            let refused = user.plan.isRefused
            out.append(("\(user.tenant)  \(user.displayName)  (\(user.userID))\(refused ? "  skipped, nothing sent" : "")", theme.header))
            if user.plan.steps.isEmpty { out.append(("   nothing to remove", theme.secondary)) }
            for (index, step) in user.plan.steps.enumerated() {
                out.append((
                    "   " + PlanWording.step(index, step),
                    refused ? theme.secondary : theme.text))
            }
            for kept in user.plan.kept {
                out.append(("   " + PlanWording.kept(kept), kept.isFlagged ? theme.error : theme.secondary))
            }
            for note in user.plan.notes {
                switch note {
                case .willBeRefused(let reason): out.append(("   will be refused: \(reason)", theme.error))
                case .preflightWarning(let reason): out.append(("   warning: \(reason)", theme.warning))
                default: out.append(("   note: \(note.message)", theme.info))
                }
            }
            out.append(("", theme.text))
        }
        if !state.unplanned.isEmpty {
            out.append(("Not in the plan: their methods could not be read", theme.error))
            for entry in state.unplanned {
                out.append(("   \(entry.target.tenant)  \(entry.target.user.displayName)  \(entry.target.user.principalName)", theme.error))
                out.append(("      \(entry.failure.description)", theme.error))
            }
            out.append(("", theme.text))
        }
        return out
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private func perTenant(_ plan: ResetJobPlan) -> String {
        plan.tenants.map { tenant in
            let users = plan.users.filter { $0.tenant == tenant }
            let steps = users.filter { !$0.plan.isRefused }.reduce(0) { $0 + $1.plan.steps.count }
            let kept = users.reduce(0) { $0 + $1.plan.kept.count }
            return "\(tenant) \(counted(users.count, "user")), \(counted(steps, "step")), \(kept) kept"
        }.joined(separator: " \(glyphs.separator) ")
    }

    private mutating func drawRun() {
        guard let run = state.run else {
            put("Writing the job to the journal" + glyphs.ellipsis, at: 1, 1, style: theme.header)
            return
        }
        var status = "\(run.usersDone) done \(glyphs.separator) \(run.usersFailed) failed \(glyphs.separator) "
            + "\(run.rows.count - run.usersFinished) to go of \(run.rows.count) users"
        if run.isCancelling && run.ended == nil { status += " \(glyphs.separator) CANCELLING" }
        else if run.isPaused { status += " \(glyphs.separator) PAUSED" }
        else if run.isPausing { status += " \(glyphs.separator) pausing" + glyphs.ellipsis }
        if let ended = run.ended { status += " \(glyphs.separator) \(ended.rawValue)" }
        put(status, at: 1, 1, style: run.isPaused || run.isCancelling ? theme.prompt : theme.header, width: grid.width - 2)
        drawBar(done: run.fraction, of: 1, y: 2, label: "\(run.stepsDone)/\(run.totalSteps) steps")
        let rateWidth = put(run.rateText, at: 1, 3, style: theme.secondary, width: grid.width - 2)
        if let wait = run.waitText { put(wait, at: 3 + rateWidth, 3, style: theme.warning, width: grid.width - 4 - rateWidth) }
        let nameWidth = min(24, max(12, grid.width / 4))
        var lines: [(String, CellStyle)] = []
        for row in run.rows {
            let name = DisplayWidth.truncate(
                row.displayName, to: nameWidth, ellipsis: glyphs.ellipsis, asciiOnly: options.asciiText)
            let padded = name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name, asciiOnly: options.asciiText)))
            let style: CellStyle = switch row.status {
            case .failed: theme.error
            case .done: theme.info
            case .running, .verifying: theme.text
            case .waiting: theme.secondary
            }
            if case .failed(let reason) = row.status {
                lines.append(("\(row.tenant)  \(padded)  \(row.stepsDone)/\(row.steps)  failed", style))
                for text in TextWrap.lines(reason, width: grid.width - 8, asciiOnly: options.asciiText) {
                    lines.append(("      " + text, style))
                }
            } else {
                lines.append(("\(row.tenant)  \(padded)  \(row.stepsDone)/\(row.steps)  \(row.statusText)", style))
            }
        }
        drawLines(lines, from: state.top, height: listHeight)
    }

    private mutating func drawSummary() {
        guard let summary = state.summary else { return }
        let counts = summary.counts
        put("Job \(summary.job.id): \(summary.job.state.rawValue) \(glyphs.separator) policy \(summary.job.policy.rawValue)",
            at: 1, 1, style: theme.header, width: grid.width - 2)
        let refused = state.refused.isEmpty ? "" : "\(state.refused.count) refused \(glyphs.separator) "
        put("\(counts.usersDone) done \(glyphs.separator) \(counts.usersFailed) failed \(glyphs.separator) " + refused
            + "\(counts.usersUntouched + counts.usersInProgress) untouched \(glyphs.separator) steps \(counts.stepsDone) done, "
            + "\(counts.stepsFailed) failed, \(counts.stepsPending + counts.stepsSent) not done",
            at: 1, 2, style: theme.text, width: grid.width - 2)
        if !state.exported.isEmpty {
            put("Exported: " + state.exported.joined(separator: ", "), at: 1, 3, style: theme.info, width: grid.width - 2)
        }
        var lines: [(String, CellStyle)] = []
        for entry in summary.users {
            let user = entry.user
            switch user.state {
            case .done:
                lines.append(("done       \(user.tenant)  \(user.displayName)  (\(entry.stepsDone) steps)", theme.info))
            case .failed:
                let reason = user.reason ?? entry.failures.first.map(JobSummary.describe) ?? "failed"
                lines.append(("failed     \(user.tenant)  \(user.displayName): \(reason)", theme.error))
            case .waiting, .running, .verifying:
                lines.append(("untouched  \(user.tenant)  \(user.displayName)  (\(entry.stepsUntouched) steps not done)", theme.secondary))
            }
        }
        for user in state.refused {
            lines.append((
                "refused    \(user.tenant)  \(user.displayName): pre-flight, nothing sent: \(user.plan.refusal ?? "refused")",
                theme.error))
        }
        drawLines(lines, from: state.top, height: listHeight)
    }

    private mutating func drawJobs() {
        if let question = state.approvalQuestion {
            put(question, at: 1, 1, style: theme.error, width: grid.width - 2)
        } else {
            put("Jobs in the journal, newest first: enter resumes a paused, running or interrupted job, or shows a summary",
                at: 1, 1, style: theme.secondary, width: grid.width - 2)
        }
        put(Self.jobColumns("Job", "State", "Done", "Failed", "Users", "Started (UTC)"), at: 2, 3, style: theme.header)
        guard !state.jobs.isEmpty else { return }
        let top = state.top
        for row in 0..<listHeight {
            let index = top + row
            guard index < state.jobs.count else { break }
            let listing = state.jobs[index]
            let y = listTop + row
            let selected = index == state.selectedJob
            let style = selected ? theme.selection : theme.text
            if selected {
                grid.fill(x: 0, y: y, width: grid.width, height: 1, style: style)
                put(glyphs.selectionMarker, at: 0, y, style: style)
            }
            let line = Self.jobColumns(
                listing.job.id.rawValue, listing.job.state.rawValue, String(listing.counts.usersDone),
                String(listing.counts.usersFailed), String(listing.counts.users), AuthMethod.timestamp(listing.job.createdAt))
            put(line, at: 2, y, style: style, width: grid.width - 3)
        }
    }

    static func jobColumns(_ id: String, _ state: String, _ done: String, _ failed: String, _ users: String, _ started: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        return pad(id, 22) + pad(state, 18) + pad(done, 6) + pad(failed, 8) + pad(users, 7) + started
    }

    // MARK: Pieces

    private mutating func drawLines(_ lines: [(String, CellStyle)], from top: Int, height: Int) {
        let first = min(max(0, top), max(0, lines.count - height))
        for row in 0..<height {
            let index = first + row
            guard index < lines.count else { break }
            put(lines[index].0, at: 1, listTop + row, style: lines[index].1, width: grid.width - 2)
        }
        if lines.count > height {
            let shown = "\(first + 1)-\(min(lines.count, first + height))/\(lines.count)"
            put(shown, at: grid.width - shown.count - 1, listTop - 1, style: theme.secondary)
        }
    }

    private mutating func drawBar(done: Double, of total: Double, y: Int, label: String) {
        let labelWidth = label.count + 6
        let width = max(4, grid.width - 4 - labelWidth)
        let fraction = total > 0 ? min(1, max(0, done / total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        var x = 1
        x += put("[", at: x, y, style: theme.text)
        for i in 0..<width { x += put(i < filled ? glyphs.barFull : glyphs.barEmpty, at: x, y, style: theme.info) }
        x += put("] ", at: x, y, style: theme.text)
        put("\(Int((fraction * 100).rounded(.down)))% \(label)", at: x, y, style: theme.text)
    }

    private func tenantCounts(_ tenants: [String]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for tenant in tenants {
            if counts[tenant] == nil { order.append(tenant) }
            counts[tenant, default: 0] += 1
        }
        return order.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: " \(glyphs.separator) ")
    }

    @discardableResult
    mutating func put(_ string: String, at x: Int, _ y: Int, style: CellStyle, width: Int? = nil) -> Int {
        grid.put(string, x: x, y: y, style: style, width: width, ellipsis: glyphs.ellipsis)
    }
}
