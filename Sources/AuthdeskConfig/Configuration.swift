import AuthdeskCore
import Foundation
import TOMLKit

/// The operator's profiles, from the configuration file or, without one, from the environment.
///
/// An empty configuration (no file, no `AZURE_*` or `AUTH0_*` variables) means: use the
/// embedded sandbox.
public struct Configuration: Sendable {
    public var profiles: [Profile]
    public var defaultProfile: String?
    /// Where the profiles came from, for messages: a file path or "environment".
    public var source: String
    /// The `[team]` table with `AUTHDESK_JOURNAL_URL` applied: the shared journal, if any.
    public var team = TeamSettings()

    public init(profiles: [Profile], defaultProfile: String? = nil, source: String) {
        self.profiles = profiles
        self.defaultProfile = defaultProfile
        self.source = source
    }

    public var isEmpty: Bool { profiles.isEmpty }

    /// The profile to use: the one named, else the default, else the only one.
    public func profile(named name: String?) throws(ConfigError) -> Profile {
        let names = profiles.map(\.name).sorted()
        if let name {
            guard let match = profiles.first(where: { $0.name == name }) else {
                throw ConfigError(
                    "no profile '\(name)' in \(source); profiles: \(names.isEmpty ? "(none)" : names.joined(separator: ", "))")
            }
            return match
        }
        if let defaultProfile {
            guard let match = profiles.first(where: { $0.name == defaultProfile }) else {
                throw ConfigError(
                    "default_profile '\(defaultProfile)' in \(source) names no profile; profiles: \(names.joined(separator: ", "))")
            }
            return match
        }
        if profiles.count == 1 { return profiles[0] }
        throw ConfigError(
            "\(source) has \(profiles.count) profiles and no default_profile; choose one with --profile: \(names.joined(separator: ", "))")
    }

    /// The default location: `$XDG_CONFIG_HOME/authdesk/config.toml`, or `~/.config/...`.
    public static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/authdesk/config.toml"
    }

    /// Loads the configuration: from `path` when given (it must exist), else from the default
    /// file when it exists, else from the environment.
    public static func load(path: String?, environment: [String: String]) throws(ConfigError) -> Configuration {
        let filePath = path ?? defaultPath(environment: environment)
        let exists = FileManager.default.fileExists(atPath: filePath)
        if path != nil, !exists {
            throw ConfigError("configuration file \(filePath) does not exist")
        }
        var configuration = exists
            ? try ConfigFile.load(path: filePath, environment: environment) : try EnvironmentProfile.load(environment: environment)
        configuration.team = try configuration.team.applying(environment: environment, source: configuration.source)
        return configuration
    }
}
