/// Order statistics of a set of durations, printed in milliseconds.
struct Percentiles {
    let sorted: [Duration]

    init(_ samples: [Duration]) {
        sorted = samples.sorted()
    }

    /// The value below which `fraction` of the samples lie (nearest rank).
    func at(_ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// `n=…  median …  p99 …  max …` in milliseconds.
    var summary: String {
        "n=\(sorted.count)  median \(Self.ms(at(0.5)))  p99 \(Self.ms(at(0.99)))  max \(Self.ms(sorted.last ?? .zero))"
    }

    static func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.3f ms", value)
    }
}
