import ArgumentParser
import AuthdeskOutput

extension OutputFormat: ExpressibleByArgument {}

/// `--output table|json|csv`, shared by every command that prints results.
struct OutputOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("How to print results: table, json or csv.", valueName: "table|json|csv"))
    var output: OutputFormat = .table
}
