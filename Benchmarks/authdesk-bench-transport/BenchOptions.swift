import Foundation

/// The benchmark's command line.
struct BenchOptions {
    enum Kind: String {
        case methods, batch
    }

    var requests = 4000
    var concurrency = 32
    var latencyMs = 0
    var users = 200
    var rounds = 3
    var workload = Kind.methods
    var authdesk = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("authdesk").path

    init(_ arguments: ArraySlice<String>) throws {
        var arguments = arguments
        while let name = arguments.popFirst() {
            guard let value = arguments.popFirst() else { throw BenchFailure("\(name) needs a value") }
            switch name {
            case "--requests": requests = try Self.number(name, value, 1...1_000_000)
            case "--concurrency": concurrency = try Self.number(name, value, 1...1024)
            case "--latency-ms": latencyMs = try Self.number(name, value, 0...10_000)
            case "--users": users = try Self.number(name, value, 1...100_000)
            case "--rounds": rounds = try Self.number(name, value, 1...100)
            case "--authdesk": authdesk = value
            case "--workload":
                guard let kind = Kind(rawValue: value) else { throw BenchFailure("--workload is methods or batch, not \(value)") }
                workload = kind
            default:
                throw BenchFailure(
                    "unknown option \(name); valid: --requests N, --concurrency N, --latency-ms N, --users N, --rounds N, "
                        + "--workload methods|batch, --authdesk PATH")
            }
        }
    }

    static func number(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw BenchFailure("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return value
    }
}

/// Why the benchmark could not run.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
