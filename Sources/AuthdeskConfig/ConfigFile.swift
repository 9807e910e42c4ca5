import AuthdeskCore
import Foundation
import TOMLKit

/// Reads and checks `config.toml`: known keys only, valid values, secrets only in a private file.
enum ConfigFile {
    static let topKeys: Set<String> = ["default_profile", "profiles", "team"]
    static let profileKeys: Set<String> = [
        "provider", "tenant_id", "client_id", "sign_in", "client_secret_env", "client_secret",
        "certificate_path", "authority_url", "graph_url", "domain", "read_only", "color",
        "require_caller_verification", "graph_write_budget",
    ]
    static let colors: Set<String> = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func load(path: String, environment: [String: String]) throws(ConfigError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError("cannot read \(path): \(error.localizedDescription)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError("\(path): line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigError("\(path): \(error)")
        }
        for key in table.keys where !topKeys.contains(key) {
            throw ConfigError("\(path): unknown key '\(key)'; top-level keys are default_profile, [profiles.NAME] tables and [team]")
        }
        var defaultProfile: String?
        if let value = table["default_profile"] {
            guard let name = value.string else { throw ConfigError("\(path): default_profile must be a string") }
            defaultProfile = name
        }
        var profiles: [Profile] = []
        var holdsSecret = false
        if let value = table["profiles"] {
            guard let profileTables = value.table else {
                throw ConfigError("\(path): profiles must be tables, written [profiles.NAME]")
            }
            for name in profileTables.keys.sorted() {
                guard let entry = profileTables[name]?.table else {
                    throw ConfigError("\(path): profiles.\(name) must be a table, written [profiles.\(name)]")
                }
                let reader = ProfileReader(path: path, name: name, table: entry, environment: environment)
                profiles.append(try reader.profile())
                holdsSecret = holdsSecret || entry["client_secret"] != nil
            }
        }
        if holdsSecret { try checkPrivate(path) }
        var configuration = Configuration(profiles: profiles, defaultProfile: defaultProfile, source: path)
        configuration.team = try TeamSettings.read(table["team"], path: path)
        return configuration
    }

    /// A file that holds a secret must be readable by its owner alone.
    static func checkPrivate(_ path: String) throws(ConfigError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { throw ConfigError("cannot read the permissions of \(path)") }
        if mode & 0o077 != 0 {
            throw ConfigError(
                "\(path) holds a client_secret but others can access it (mode \(String(mode & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path), or move the secret to an environment variable named by client_secret_env")
        }
    }
}

/// Reads one `[profiles.NAME]` table.
struct ProfileReader {
    let path: String
    let name: String
    let table: TOMLTable
    let environment: [String: String]

    var place: String { "\(path) [profiles.\(name)]" }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw ConfigError("\(place): \(key) must be a string") }
        guard !text.isEmpty else { throw ConfigError("\(place): \(key) is empty") }
        return text
    }

    func required(_ key: String, _ why: String) throws(ConfigError) -> String {
        guard let text = try string(key) else { throw ConfigError("\(place): \(key) is missing (\(why))") }
        return text
    }

    func profile() throws(ConfigError) -> Profile {
        for key in table.keys where !ConfigFile.profileKeys.contains(key) {
            throw ConfigError("\(place): unknown key '\(key)'; known keys: \(ConfigFile.profileKeys.sorted().joined(separator: ", "))")
        }
        let providerName = try string("provider") ?? "graph"
        guard let provider = ProviderKind(rawValue: providerName) else {
            throw ConfigError("\(place): provider '\(providerName)' is not graph or auth0")
        }
        var readOnly = false
        if let value = table["read_only"] {
            guard let flag = value.bool else { throw ConfigError("\(place): read_only must be true or false") }
            readOnly = flag
        }
        var requireVerification = false
        if let value = table["require_caller_verification"] {
            guard let flag = value.bool else { throw ConfigError("\(place): require_caller_verification must be true or false") }
            requireVerification = flag
        }
        let color = try string("color")
        if let color, !ConfigFile.colors.contains(color) {
            throw ConfigError("\(place): color '\(color)' is not one of \(ConfigFile.colors.sorted().joined(separator: ", "))")
        }
        let clientID = try required("client_id", "the application's client id")
        let secret = try clientSecret()
        switch provider {
        case .graph:
            let tenantID = try required("tenant_id", "the directory's tenant id or domain")
            let signInName = try string("sign_in") ?? "device-code"
            guard let signIn = SignInMethod(rawValue: signInName) else {
                throw ConfigError("\(place): sign_in '\(signInName)' is not one of device-code, client-secret, certificate")
            }
            let certificate = try string("certificate_path").map { expandHome($0) }
            if signIn == .clientSecret, secret == nil {
                throw ConfigError("\(place): sign_in = \"client-secret\" needs client_secret_env (or client_secret)")
            }
            if signIn == .certificate, certificate == nil {
                throw ConfigError("\(place): sign_in = \"certificate\" needs certificate_path")
            }
            let authority = try EndpointPolicy.checkedURL(
                string("authority_url"), source: "\(place) authority_url", or: Profile.defaultAuthority)
            let graph = try EndpointPolicy.checkedURL(
                string("graph_url"), source: "\(place) graph_url", or: Profile.defaultGraph)
            var profile = Profile(
                name: name, provider: .graph, tenantID: tenantID, clientID: clientID, signIn: signIn,
                clientSecret: secret, certificatePath: certificate, authorityURL: authority, graphURL: graph,
                readOnly: readOnly, color: color)
            profile.requireCallerVerification = requireVerification
            profile.graphWriteBudget = try writeBudget()
            return profile
        case .auth0:
            let domain = try required("domain", "the Auth0 domain, e.g. acme.eu.auth0.com")
            guard let secret else {
                throw ConfigError("\(place): an auth0 profile needs client_secret_env (or client_secret)")
            }
            if table["graph_write_budget"] != nil {
                throw ConfigError("\(place): graph_write_budget is for graph profiles (Auth0 states its rate limit itself)")
            }
            let root = try EndpointPolicy.auth0Root(domain: domain, source: "\(place) domain")
            var profile = Profile(
                name: name, provider: .auth0, domain: domain, clientID: clientID, signIn: .clientSecret,
                clientSecret: secret, auth0URL: root, readOnly: readOnly, color: color)
            profile.requireCallerVerification = requireVerification
            return profile
        }
    }

    func clientSecret() throws(ConfigError) -> Secret? {
        if let inline = try string("client_secret") {
            if table["client_secret_env"] != nil {
                throw ConfigError("\(place): give client_secret or client_secret_env, not both")
            }
            return Secret(inline)
        }
        guard let variable = try string("client_secret_env") else { return nil }
        guard let value = environment[variable], !value.isEmpty else {
            throw ConfigError("\(place): client_secret_env names \(variable), which is not set in the environment")
        }
        return Secret(value)
    }

    func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}
