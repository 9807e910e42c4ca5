/// The counts of a run's rows (``BulkRunProgress``), added to and taken from as a row changes,
/// so that reading them costs nothing however many users the job has.
struct RowTally: Sendable, Hashable {
    var steps = 0
    var stepsDone = 0
    var done = 0
    var failed = 0
    var finished = 0
    var running = 0

    mutating func add(_ row: BulkRunRow) {
        count(row, by: 1)
    }

    mutating func remove(_ row: BulkRunRow) {
        count(row, by: -1)
    }

    private mutating func count(_ row: BulkRunRow, by sign: Int) {
        steps += sign * row.steps
        stepsDone += sign * row.stepsDone
        if row.isFinished { finished += sign }
        switch row.status {
        case .done: done += sign
        case .failed: failed += sign
        case .running, .verifying: running += sign
        case .waiting: break
        }
    }
}
