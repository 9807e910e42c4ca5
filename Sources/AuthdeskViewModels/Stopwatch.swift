/// Time elapsed on a clock since a start: when answers and ticks happened, for the view models'
/// progress and throughput (a manual clock in tests).
enum Stopwatch {
    /// A function giving the time passed on `clock` since this call.
    static func started<C: Clock>(on clock: C) -> @Sendable () -> Duration where C.Duration == Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }
}
