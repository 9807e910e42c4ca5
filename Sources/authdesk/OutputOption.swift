import ArgumentParser
import AuthdeskOutput

extension OutputFormat: ExpressibleByArgument {}

/// `--output table|json|csv|jsonl`, shared by every command that prints results.
struct OutputOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "How to print results: table, json, csv or jsonl (one JSON object a line; reset-mfa writes each user's as it ends).",
        valueName: "table|json|csv|jsonl"))
    var output: OutputFormat = .table
}
