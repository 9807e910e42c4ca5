import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs one program to its end and keeps what it printed (standard output and error together).
///
/// posix_spawn and waitpid, not Foundation's Process: pg_ctl leaves a server running behind it,
/// and the child must inherit no descriptor of the test process (a pipe the server kept open
/// would never end, a socket would outlive its test), so every descriptor above 2 is closed in
/// the child.
struct ProgramRun {
    let executable: URL
    let arguments: [String]
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The program's output; a non-zero exit status throws with the command line and the output.
    @discardableResult
    func output() throws -> String {
        let (status, text) = try run()
        guard status == 0 else {
            throw PostgresClusterError("\(commandLine) exited with status \(status): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }

    /// The exit status and the output, whatever the status.
    func run() throws -> (status: Int32, output: String) {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // glibc ignores a close action on a descriptor that is no longer open by then.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw PostgresClusterError("cannot run \(commandLine): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw PostgresClusterError("cannot wait for \(commandLine) (errno \(errno))") }
        }
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros: the low 7 bits are the signal, the next 8 the status.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, text)
    }

    /// The descriptors open in this process now.
    static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    var commandLine: String { ([executable.path] + arguments).joined(separator: " ") }
}
