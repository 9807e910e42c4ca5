import Foundation

/// Where the PostgreSQL server programs (initdb, pg_ctl, psql) live on this machine: the first
/// directory in PATH that has them, else the newest `/usr/lib/postgresql/*/bin` (Debian's layout).
public struct PostgresBinaries: Sendable, Hashable {
    public let directory: URL

    public var initdb: URL { directory.appendingPathComponent("initdb") }
    public var pgCtl: URL { directory.appendingPathComponent("pg_ctl") }
    public var psql: URL { directory.appendingPathComponent("psql") }

    /// Finds the programs, or says where it looked and how to install them.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresBinaries {
        let fileManager = FileManager.default
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let debian = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { name in Int(name).map { (version: $0, bin: "/usr/lib/postgresql/\(name)/bin") } }
            .sorted { $0.version > $1.version }
            .map(\.bin)
        for candidate in path + debian {
            let directory = URL(fileURLWithPath: candidate).resolvingSymlinksInPath()
            let initdb = URL(fileURLWithPath: candidate).appendingPathComponent("initdb").resolvingSymlinksInPath()
            guard fileManager.isExecutableFile(atPath: initdb.path) else { continue }
            // PATH often holds symbolic links to the real bin folder (/usr/local/bin/initdb): use the folder they point to.
            let real = initdb.deletingLastPathComponent()
            for folder in [real, directory] {
                let binaries = PostgresBinaries(directory: folder)
                if [binaries.initdb, binaries.pgCtl, binaries.psql].allSatisfy({ fileManager.isExecutableFile(atPath: $0.path) }) {
                    return binaries
                }
            }
        }
        throw PostgresClusterError(
            "the PostgreSQL server programs (initdb, pg_ctl, psql) are in neither PATH nor /usr/lib/postgresql/*/bin; "
                + "install Debian's postgresql package (apt-get install postgresql), as .ci/run does")
    }
}
