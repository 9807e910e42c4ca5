// swift-tools-version:6.2
import PackageDescription

/// authdesk: a terminal console for helpdesk operators who manage users' authentication
/// methods in Microsoft Entra ID (Graph) and Auth0. Layers, bottom up: core, services,
/// view models, console; the sandbox emulates the services over loopback HTTP.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "authdesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "authdesk", targets: ["authdesk"]),
        .executable(name: "authdesk-bench-console", targets: ["authdesk-bench-console"]),
        .executable(name: "authdesk-bench-bulk", targets: ["authdesk-bench-bulk"]),
        .executable(name: "authdesk-bench-transport", targets: ["authdesk-bench-transport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // ncursesw, wide-character API, through a small shim header (see SWIFT-NOTES.md).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // Domain types and rules; no I/O.
        .target(name: "AuthdeskCore", swiftSettings: swiftSettings),

        // Text on a terminal, for the console and the command line alike: display width (and the
        // sanitizer of service text).
        .target(name: "AuthdeskText", swiftSettings: swiftSettings),

        // IdentityProvider protocol, HTTP transport, sign-in, Graph and Auth0 providers.
        .target(
            name: "AuthdeskServices",
            dependencies: [
                "AuthdeskCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),

        // Profiles from the configuration file and the environment.
        .target(
            name: "AuthdeskConfig",
            dependencies: [
                "AuthdeskCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),

        // One state machine per screen and dialog: pure, no curses, no HTTP of its own.
        .target(
            name: "AuthdeskViewModels",
            dependencies: [
                "AuthdeskCore", "AuthdeskServices", "AuthdeskBulkReset", "AuthdeskJournal", "AuthdeskAudit", "AuthdeskOutput",
                "AuthdeskWorkflows", "AuthdeskTeamJournal",
            ],
            swiftSettings: swiftSettings
        ),

        // The curses front end: cell grid, widgets, key map, terminal I/O.
        .target(
            name: "AuthdeskConsole",
            dependencies: [
                "AuthdeskCore", "AuthdeskViewModels", "AuthdeskBulkReset", "AuthdeskJournal", "AuthdeskAudit", "CNcursesw",
                // ConsoleApp.swift alone (the workspace it starts on: TenantDirectory, IdentityProvider).
                "AuthdeskServices", "AuthdeskWorkflows", "AuthdeskText", "AuthdeskTeamJournal",
            ],
            swiftSettings: swiftSettings
        ),

        // Emulator of Graph, Entra sign-in and Auth0 over real HTTP on loopback.
        .target(
            name: "AuthdeskSandbox",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "AuthdeskResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),

        // The sandbox's seed data, from the top-level Resources folder.
        .target(
            name: "AuthdeskResources",
            path: "Resources",
            exclude: ["Schemas"],
            resources: [.copy("Seed")],
            swiftSettings: swiftSettings
        ),

        // What the command line prints: tables, CSV and JSON.
        .target(name: "AuthdeskOutput", dependencies: ["AuthdeskCore", "AuthdeskText"], swiftSettings: swiftSettings),

        // The bulk reset journal and the audit log: SQLite (WAL, durable commits) in the state directory.
        .target(
            name: "AuthdeskJournal",
            dependencies: [
                "AuthdeskCore", "AuthdeskOutput", "AuthdeskText",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The audit log's hash chain (SHA-256) and signed checkpoints (Ed25519).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // A journal in a temporary directory with a small plan: the test double its tests share.
        .target(
            name: "AuthdeskJournalTesting",
            dependencies: ["AuthdeskCore", "AuthdeskJournal"],
            swiftSettings: swiftSettings
        ),

        // A throwaway PostgreSQL server in a temporary folder, for the team-mode tests.
        .target(
            name: "AuthdeskPostgresTesting",
            // TwoTeamHosts: two handles on a fresh server's team database.
            dependencies: ["AuthdeskTeamJournal", "AuthdeskConfig"],
            swiftSettings: swiftSettings
        ),

        // Team mode: the journal in a shared PostgreSQL database (postgres-nio), apart from the
        // SQLite journal so that one operator's build stays light.
        .target(
            name: "AuthdeskTeamJournal",
            dependencies: [
                "AuthdeskCore", "AuthdeskConfig", "AuthdeskJournal",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // The signer registry's key ids (Ed25519 public keys).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // The audit of single changes: a provider wrapper that journals every write it answers.
        .target(
            name: "AuthdeskAudit",
            dependencies: ["AuthdeskCore", "AuthdeskServices", "AuthdeskJournal"],
            swiftSettings: swiftSettings
        ),

        // The bulk "reset all MFA" engine: plans, runs, verifies and resumes jobs through the journal.
        .target(
            name: "AuthdeskBulkReset",
            dependencies: ["AuthdeskCore", "AuthdeskJournal", "AuthdeskServices"],
            swiftSettings: swiftSettings
        ),

        // What an operator does, written once for both front ends: open the tenants, make one
        // change, reset all MFA (plan, job, run, resume), follow a password reset.
        .target(
            name: "AuthdeskWorkflows",
            dependencies: [
                "AuthdeskCore", "AuthdeskServices", "AuthdeskConfig", "AuthdeskSandbox", "AuthdeskJournal", "AuthdeskAudit",
                "AuthdeskBulkReset", "AuthdeskOutput", "AuthdeskText", "AuthdeskTeamJournal",
            ],
            swiftSettings: swiftSettings
        ),

        // What the command line needs from its process: standard error, a secret read from
        // standard input without echo, SIGINT and SIGTERM caught while a job runs.
        .target(name: "AuthdeskCommandLineIO", dependencies: ["AuthdeskText"], swiftSettings: swiftSettings),

        // The executable: argument parsing and printing; no logic of its own.
        .executableTarget(
            name: "authdesk",
            dependencies: [
                "AuthdeskCore", "AuthdeskServices", "AuthdeskConfig", "AuthdeskViewModels",
                "AuthdeskConsole", "AuthdeskSandbox", "AuthdeskOutput", "AuthdeskJournal", "AuthdeskBulkReset",
                "AuthdeskAudit", "AuthdeskWorkflows", "AuthdeskCommandLineIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            // Release: linked by lld with packed relative relocations (DT_RELR), and exporting no
            // symbols (`--static-swift-stdlib` would export all of ours): the pages the loader
            // reads and keeps resident at start (issue 14's console memory; README, "Console").
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                    .when(configuration: .release)),
            ]
        ),

        // Benchmarks: programs that print figures (see Benchmarks/ and the README).
        .executableTarget(
            name: "authdesk-bench-console",
            dependencies: ["AuthdeskCore", "AuthdeskServices", "AuthdeskSandbox", "AuthdeskViewModels", "AuthdeskConsole"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "authdesk-bench-bulk",
            dependencies: ["AuthdeskCore", "AuthdeskServices", "AuthdeskSandbox", "AuthdeskJournal", "AuthdeskBulkReset"],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "authdesk-bench-transport",
            dependencies: ["AuthdeskServices"],
            path: "Benchmarks/authdesk-bench-transport",
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "AuthdeskCoreTests", dependencies: ["AuthdeskCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthdeskServicesTests",
            dependencies: ["AuthdeskServices", "AuthdeskSandbox", "AuthdeskCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AuthdeskConfigTests", dependencies: ["AuthdeskConfig", "AuthdeskCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthdeskViewModelsTests",
            dependencies: [
                "AuthdeskViewModels", "AuthdeskServices", "AuthdeskCore", "AuthdeskBulkReset", "AuthdeskAudit", "AuthdeskJournal",
                "AuthdeskJournalTesting", "AuthdeskWorkflows", "AuthdeskTeamJournal",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthdeskConsoleTests",
            dependencies: [
                "AuthdeskConsole", "AuthdeskViewModels", "AuthdeskCore", "AuthdeskBulkReset", "AuthdeskJournal", "AuthdeskText",
                "AuthdeskServices", "AuthdeskWorkflows", "CNcursesw",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthdeskJournalTests",
            dependencies: [
                "AuthdeskJournal", "AuthdeskJournalTesting", "AuthdeskCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The audit-log tests run against both stores.
                "AuthdeskTeamJournal", "AuthdeskPostgresTesting", "AuthdeskConfig",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthdeskBulkResetTests",
            dependencies: [
                "AuthdeskBulkReset", "AuthdeskJournal", "AuthdeskJournalTesting", "AuthdeskCore", "AuthdeskServices",
                "AuthdeskSandbox",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The engine's leases against a real PostgreSQL.
                "AuthdeskTeamJournal", "AuthdeskPostgresTesting", "AuthdeskConfig",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthdeskAuditTests",
            dependencies: [
                "AuthdeskAudit", "AuthdeskJournal", "AuthdeskJournalTesting", "AuthdeskServices", "AuthdeskCore",
                "AuthdeskSandbox",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AuthdeskCommandLineIOTests", dependencies: ["AuthdeskCommandLineIO"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthdeskWorkflowsTests",
            dependencies: [
                "AuthdeskWorkflows", "AuthdeskCore", "AuthdeskServices", "AuthdeskConfig", "AuthdeskJournal",
                "AuthdeskJournalTesting", "AuthdeskBulkReset", "AuthdeskSandbox",
                // Changes and bulk runs holding leases in a real PostgreSQL.
                "AuthdeskTeamJournal", "AuthdeskPostgresTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AuthdeskOutputTests", dependencies: ["AuthdeskOutput", "AuthdeskText"], swiftSettings: swiftSettings),
        .testTarget(name: "AuthdeskPostgresTestingTests", dependencies: ["AuthdeskPostgresTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthdeskTeamJournalTests",
            dependencies: [
                "AuthdeskTeamJournal", "AuthdeskConfig", "AuthdeskCore", "AuthdeskPostgresTesting", "AuthdeskJournal",
                "AuthdeskJournalTesting",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AuthdeskTextTests", dependencies: ["AuthdeskText"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthdeskSandboxTests",
            dependencies: ["AuthdeskSandbox", .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
    ]
)
