/// The progress line `reset-mfa` and `jobs resume` redraw on a terminal's standard error while
/// planning and while running: a bar, users done of total, steps a second and the time left.
/// Pure text, from the same counts the console's plan and run screens draw.
public enum ProgressLine {
    /// Cells of the bar between its brackets.
    public static let barWidth = 20

    /// `[#########-----------]` for `fraction` (0 to 1) of the work.
    public static func bar(_ fraction: Double) -> String {
        let filled = Int((min(max(fraction, 0), 1) * Double(barWidth)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
    }

    /// `planning [####----] 120/400 users read, 0:03`.
    public static func planning(done: Int, total: Int, elapsedSeconds: Double) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        return "planning \(bar(fraction)) \(done)/\(total) users read, \(clock(Int(elapsedSeconds)))"
    }

    /// `[####----] users 12/60 done, 0 failed, 8 running; steps 30/100, 12.5/s, 0:05 left`; while
    /// the transport waits for a tenant's limits, `waiting for limits: 7.5 s, contoso; ` comes
    /// first after the bar (``BulkRunProgress/waitText``, as the console's run screen says it),
    /// so that a line cut to an 80-column terminal still shows it.
    public static func running(_ progress: BulkRunProgress) -> String {
        let rate = BulkRunProgress.format(Double(progress.stepsAnswered) / max(progress.elapsedSeconds, 0.001))
        let left = progress.ended != nil ? "ended" : progress.secondsLeft.map { clock($0) + " left" } ?? "time left: measuring"
        let waits = progress.waitText.map { $0 + "; " } ?? ""
        return "\(bar(progress.fraction)) \(waits)users \(progress.usersDone)/\(progress.rows.count) done, \(progress.usersFailed) failed, "
            + "\(progress.usersRunning) running; steps \(progress.stepsDone)/\(progress.totalSteps), \(rate)/s, \(left)"
    }

    /// `m:ss`.
    static func clock(_ seconds: Int) -> String {
        "\(seconds / 60):" + String(repeating: "0", count: seconds % 60 < 10 ? 1 : 0) + String(seconds % 60)
    }
}
