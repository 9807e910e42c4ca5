/// The best time a bulk reset can take, whatever the client does: planning, then running.
///
/// Each phase is bounded by the slowest of: its requests one after the other per user, spread
/// over `concurrency` users at once (round trips x latency / concurrency), or for planning, one
/// round trip per `$batch` of 20 users, `readConcurrency` batches at once; and the budgets,
/// token buckets that start full (`burst`) and refill at `rate`: writes in the run, reads in both
/// phases (planning's reads drain the read bucket the verifying reads then find).
struct BulkLimit {
    let writes: Int
    let reads: Int
    let roundTrips: Int
    let users: Int
    let latency: Double
    let concurrency: Int
    let readConcurrency: Int
    let writeBurst: Double
    let writeRate: Double
    let readBurst: Double
    let readRate: Double

    init(
        writes: Int, reads: Int, roundTrips: Int, users: Int, latency: Double, concurrency: Int, readConcurrency: Int,
        writeBurst: Double, writeRate: Double, readBurst: Double, readRate: Double
    ) {
        self.writes = writes
        self.reads = reads
        self.roundTrips = roundTrips
        self.users = users
        self.latency = latency
        self.concurrency = concurrency
        self.readConcurrency = readConcurrency
        self.writeBurst = writeBurst
        self.writeRate = writeRate
        self.readBurst = readBurst
        self.readRate = readRate
    }

    /// Planning reads 5 units per user (two lists and the preferences); verifying 4.
    private var planReads: Double { Double(users) * 5 }
    private var verifyReads: Double { Double(max(0, reads - users * 5)) }

    var planLatency: Double { (Double(users) / 20).rounded(.up) * latency / Double(readConcurrency) }
    var planReadBound: Double { max(0, planReads - readBurst) / readRate }
    var plan: Double { max(planLatency, planReadBound) }

    var runLatency: Double { Double(max(0, roundTrips - users * 2)) * latency / Double(concurrency) }
    var writeBound: Double { max(0, Double(writes) - writeBurst) / writeRate }
    var runReadBound: Double {
        let left = max(0, readBurst - planReads)
        return max(0, verifyReads - left) / readRate
    }
    var run: Double { max(runLatency, writeBound, runReadBound) }

    var seconds: Double { plan + run }

    /// Which bound decides each phase, with the figures.
    var explanation: String {
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        return "plan \(f(plan)) s = max(latency \(f(planLatency)), reads \(f(planReadBound))); "
            + "run \(f(run)) s = max(latency \(f(runLatency)), writes \(f(writeBound)), reads \(f(runReadBound)))"
    }
}
