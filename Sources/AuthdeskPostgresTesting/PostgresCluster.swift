import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL server for tests: a cluster in a temporary folder, listening on a free
/// port of 127.0.0.1 only (its unix socket in that folder), password login over TCP. The tests
/// make, start, stop (to fake an outage) and remove it themselves. PostgreSQL refuses to run as
/// root, so as root the server programs run as the `postgres` account (Debian's package makes it).
public struct PostgresCluster: Sendable {
    public static let user = "authdesk"
    public static let database = "authdesk"
    /// The account the server runs as when the tests run as root.
    public static let serverAccount = "postgres"

    public let binaries: PostgresBinaries
    public let directory: URL
    public let port: Int
    /// The login password of `user`, made for this cluster (test-only, never a real secret).
    public let password: String
    /// With TLS on: the test CA that signed the server's certificate (for 127.0.0.1).
    public let certificates: PostgresTestCertificates?

    public var dataDirectory: URL { directory.appendingPathComponent("data") }
    public var logFile: URL { directory.appendingPathComponent("server.log") }

    /// `postgresql://authdesk@HOST:PORT/DATABASE?sslmode=MODE`, without the password (give it in
    /// PGPASSWORD).
    public func url(database: String = PostgresCluster.database, host: String = "127.0.0.1", sslMode: String = "disable") -> String {
        "postgresql://\(Self.user)@\(host):\(port)/\(database)?sslmode=\(sslMode)"
    }

    /// Makes a cluster with its `authdesk` user and database, and starts it; with `tls`, the server
    /// also speaks TLS with a certificate from a test CA (``certificates``).
    public static func start(tls: Bool = false) throws -> PostgresCluster {
        let binaries = try PostgresBinaries.locate()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        let password = UUID().uuidString
        let passwordFile = directory.appendingPathComponent("password")
        try Data((password + "\n").utf8).write(to: passwordFile)
        var lastError: (any Error)?
        do {
            try handToServerAccount([directory, passwordFile])
            let certificates = tls ? try PostgresTestCertificates.make(in: directory) : nil
            let cluster = PostgresCluster(
                binaries: binaries, directory: directory, port: try FreePort.pick(), password: password, certificates: certificates)
            try cluster.serverProgram(binaries.initdb, [
                "-D", cluster.dataDirectory.path, "-U", user, "--pwfile", passwordFile.path, "--auth-local=trust",
                "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync",
            ]).output()
            try? FileManager.default.removeItem(at: passwordFile)
            // Another process can take the port between picking and listening: try a few.
            for _ in 0..<3 {
                let attempt = PostgresCluster(
                    binaries: binaries, directory: directory, port: try FreePort.pick(), password: password, certificates: certificates)
                do {
                    try attempt.resume()
                    try attempt.psql("CREATE DATABASE \(database)", database: "postgres")
                    return attempt
                } catch {
                    lastError = error
                }
            }
        } catch {
            lastError = error
        }
        try? FileManager.default.removeItem(at: directory)
        throw lastError ?? PostgresClusterError("cannot start PostgreSQL in \(directory.path)")
    }

    /// Starts the server again after `halt()` (same folder, same port), and waits until it takes connections.
    public func resume() throws {
        var options = "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1"
        if let certificates {
            options += " -c ssl=on -c ssl_cert_file=\(certificates.serverCertificate.path) -c ssl_key_file=\(certificates.serverKey.path)"
        }
        let (status, output) = try serverProgram(binaries.pgCtl, [
            "-D", dataDirectory.path, "-l", logFile.path, "-o", options, "-w", "-t", "60", "start",
        ]).run()
        guard status == 0 else {
            throw PostgresClusterError("pg_ctl start exited with status \(status): \(output)\nserver log:\n\(serverLog())")
        }
    }

    /// Stops the server (fast shutdown: open sessions are ended) and waits until it is down.
    public func halt() throws {
        try serverProgram(binaries.pgCtl, ["-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60", "stop"]).output()
    }

    /// Stops the server if it runs and removes its folder.
    public func remove() {
        if isRunning { try? halt() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Whether the server runs (pg_ctl status).
    public var isRunning: Bool {
        (try? serverProgram(binaries.pgCtl, ["-D", dataDirectory.path, "status"]).run().status) == 0
    }

    /// Runs SQL through psql over TCP with the password, as `user`; returns the rows unaligned,
    /// fields separated by `|`.
    @discardableResult
    public func psql(_ sql: String, database: String = PostgresCluster.database, password: String? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password ?? self.password
        environment["PGCONNECT_TIMEOUT"] = "10"
        return try ProgramRun(
            executable: binaries.psql,
            arguments: [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", Self.user,
                "-d", database, "-c", sql,
            ],
            environment: environment
        ).output()
    }

    /// The server's log so far (for failure messages).
    public func serverLog() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? "(no server log at \(logFile.path))"
    }

    /// A server program, run as the server account when this process is root.
    func serverProgram(_ program: URL, _ arguments: [String]) -> ProgramRun {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        guard geteuid() == 0 else { return ProgramRun(executable: program, arguments: arguments, environment: environment) }
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/sbin/runuser"
        return ProgramRun(
            executable: URL(fileURLWithPath: runuser), arguments: ["-u", Self.serverAccount, "--", program.path] + arguments,
            environment: environment)
    }

    /// As root, gives the cluster's folder to the server account (PostgreSQL will not run as root).
    static func handToServerAccount(_ paths: [URL]) throws {
        guard geteuid() == 0 else { return }
        guard let account = getpwnam(serverAccount) else {
            throw PostgresClusterError(
                "the tests run as root and PostgreSQL refuses root, but there is no '\(serverAccount)' account to run it as; "
                    + "install Debian's postgresql package (it makes the account) or run the tests as another user")
        }
        for path in paths where chown(path.path, account.pointee.pw_uid, account.pointee.pw_gid) != 0 {
            throw PostgresClusterError("cannot give \(path.path) to \(serverAccount) (errno \(errno))")
        }
    }
}
