import AuthdeskConsole
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskViewModels
import Foundation

/// `authdesk-bench-console`: how long the console takes to handle a key and draw the next frame
/// with a large list loaded, and how much memory that list takes. Prints figures; asserts nothing.
///
/// Measured in-process, through the same code the console's loop runs for each key
/// (``BrowserState/apply(_:)``, ``BrowserRenderer/render(_:width:height:options:)``,
/// ``ScreenWriter/show(_:on:)``), with curses replaced by a surface that discards the cells and
/// the service by a directory that answers at once. Build in release mode:
///
///     scripts/build-release authdesk-bench-console
///     .build/release/authdesk-bench-console [--users 100000] [--keys 3000] [--rounds 5]
@main
struct ConsoleBench {
    var users = 100_000
    var keys = 3000
    var rounds = 5
    var pageSize = 50
    var sizes: [(Int, Int)] = [(120, 40), (80, 24)]

    static func main() {
        var bench = ConsoleBench()
        do {
            try bench.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("authdesk-bench-console: \(error)\n".utf8))
            exit(2)
        }
        bench.run()
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        func number(_ name: String) throws -> Int {
            guard let text = rest.popFirst(), let value = Int(text), value > 0 else {
                throw UsageError(description: "\(name) needs a positive whole number")
            }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--users": users = try number(argument)
            case "--keys": keys = try number(argument)
            case "--rounds": rounds = try number(argument)
            case "--page-size": pageSize = try number(argument)
            default:
                throw UsageError(description: "unknown argument \(argument); valid: --users N, --keys N, --rounds N, --page-size N")
            }
        }
    }

    func run() {
        let clock = ContinuousClock()
        let before = ProcessMemory.current()
        Output.line("authdesk-bench-console: key handled + frame drawn, in-process (apply, render, diff to a null terminal)")
        Output.line("users \(users), page size \(pageSize), list keys \(keys), search rounds \(rounds)")
        Output.line("memory before loading: \(before.description)")

        let directory = FakeDirectory(count: users, pageSize: pageSize)
        var driver = BrowserDriver(directory: directory, width: sizes[0].0, height: sizes[0].1)
        let loadStart = clock.now
        driver.load(upTo: users)
        let loadTime = clock.now - loadStart
        let loaded = driver.state
        let after = ProcessMemory.current()
        Output.line("loaded \(loaded.users.count) users in \(Percentiles.ms(loadTime)) (\(loaded.users.count / pageSize) pages, each answer handled and drawn)")
        let listMB = Double(after.residentKB - before.residentKB) / 1024
        Output.line("memory with \(loaded.users.count) users in the list: \(after.description) (list: +\(String(format: "%.1f", listMB)) MB)")
        let pageAnswers = Percentiles(driver.answerTimes)
        Output.line("  real console path: page answer handled and drawn, growing list: \(pageAnswers.summary)")
        Output.line("  inner piece: a page of \(pageSize) appended to the \(loaded.users.count) users listed, a copy kept "
            + "(as the store keeps the state before each event): \(Percentiles(appendTimes(to: loaded.users, directory: directory)).summary)")

        for (width, height) in sizes {
            Output.line("\n== \(width)x\(height) ==")
            var list = BrowserDriver(directory: directory, width: width, height: height)
            list.restore(loaded)
            var generator = SplitMix64(seed: 42)
            var times: [Duration] = []
            for _ in 0..<keys {
                times.append(list.press(.key(Self.listKey(&generator))))
            }
            Output.line("list, \(list.state.users.count) users: key handled and drawn: \(Percentiles(times).summary)")
            Output.line("  methods answers handled and drawn: \(Percentiles(list.answerTimes).summary)")

            var searching = BrowserDriver(directory: directory, width: width, height: height)
            var typed: [Duration] = []
            var firstKeys: [Duration] = []
            for _ in 0..<rounds {
                for query in Self.queries {
                    searching.restore(loaded)
                    searching.press(.key(.character("/")))
                    for (i, character) in query.enumerated() {
                        let took = searching.press(.key(.character(character)))
                        typed.append(took)
                        if i == 0 { firstKeys.append(took) }
                    }
                    typed.append(searching.press(.key(.backspace)))
                    typed.append(searching.press(.key(.escape)))
                }
            }
            Output.line("search, typing with results arriving: key handled and drawn: \(Percentiles(typed).summary)")
            Output.line("  first key typed, \(loaded.users.count) users in the list: \(Percentiles(firstKeys).summary)")
            Output.line("  search answers handled and drawn: \(Percentiles(searching.answerTimes).summary)")
        }
        let end = ProcessMemory.current()
        Output.line("\nmemory at the end: \(end.description)")
    }

    /// The list's own cost of a page arriving: `pageSize` new users appended `rounds` × 200 times
    /// to a copy of `rows`, the copy from before each page kept meanwhile (as the store keeps the
    /// state before each event).
    func appendTimes(to rows: UserRows, directory: FakeDirectory) -> [Duration] {
        let clock = ContinuousClock()
        var grown = rows
        var times: [Duration] = []
        for round in 0..<(rounds * 200) {
            let page = (0..<pageSize).map { directory.user(at: users + round * pageSize + $0) }
            let before = grown
            let start = clock.now
            grown.appendNew(page)
            times.append(clock.now - start)
            precondition(grown.count == before.count + page.count)
        }
        return times
    }

    /// Queries typed in the search scenario: accents, Cyrillic, CJK, a principal name, several words.
    static let queries = ["müller", "user4242", "田中", "zoë lind", "смирнова", "avery howard 9"]

    /// A key an operator browsing the list might press: mostly moving, some paging, the odd jump
    /// to the ends and switch of pane.
    static func listKey(_ generator: inout SplitMix64) -> Key {
        let keys: [Key] = [
            .down, .down, .down, .character("j"), .character("j"), .up, .character("k"), .up,
            .pageDown, .pageDown, .pageUp, .end, .home, .character("G"), .character("g"), .tab, .tab,
        ]
        return keys[Int(generator.next() % UInt64(keys.count))]
    }
}
