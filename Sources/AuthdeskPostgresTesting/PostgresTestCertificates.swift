import Foundation

/// A test CA and a server certificate it signed for the name `localhost` only (no IP address),
/// made with the openssl program, so the tests can run the server with TLS and check each
/// sslmode: the CA is what a client trusts (PGSSLROOTCERT), the server key is the server's alone.
/// (NIOSSL accepts a certificate for the host name or for the address connected to: a name-only
/// certificate is what makes a connection to 127.0.0.1 a mismatch.)
public struct PostgresTestCertificates: Sendable {
    public let directory: URL

    public var authority: URL { directory.appendingPathComponent("ca.crt") }
    public var serverCertificate: URL { directory.appendingPathComponent("server.crt") }
    public var serverKey: URL { directory.appendingPathComponent("server.key") }

    /// Makes the CA and the server's certificate in `directory`.
    static func make(in directory: URL) throws -> PostgresTestCertificates {
        let certificates = PostgresTestCertificates(directory: directory)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let openssl = (path.split(separator: ":").map { "\($0)/openssl" } + ["/usr/bin/openssl"])
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw PostgresClusterError("the TLS tests need the openssl program (Debian's openssl package)") }
        let extensions = directory.appendingPathComponent("server.ext")
        try Data("subjectAltName = DNS:localhost\nbasicConstraints = CA:FALSE\n".utf8).write(to: extensions)
        func run(_ arguments: [String]) throws {
            try ProgramRun(executable: URL(fileURLWithPath: openssl), arguments: arguments).output()
        }
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let caKey = directory.appendingPathComponent("ca.key").path
        try run(["req", "-x509"] + key + ["-days", "2", "-subj", "/CN=authdesk test CA", "-keyout", caKey, "-out", certificates.authority.path])
        let request = directory.appendingPathComponent("server.csr").path
        try run(["req"] + key + ["-subj", "/CN=authdesk test server", "-keyout", certificates.serverKey.path, "-out", request])
        try run([
            "x509", "-req", "-in", request, "-CA", certificates.authority.path, "-CAkey", caKey, "-CAcreateserial", "-days", "2",
            "-extfile", extensions.path, "-out", certificates.serverCertificate.path,
        ])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: certificates.serverKey.path)
        try PostgresCluster.handToServerAccount([certificates.serverKey, certificates.serverCertificate])
        return certificates
    }
}
