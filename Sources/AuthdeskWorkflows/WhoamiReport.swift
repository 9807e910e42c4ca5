import AuthdeskOutput
import AuthdeskText

/// `whoami` as the command line prints it: per profile a headline and a table of actions; JSON
/// one object per profile with its actions; JSON lines one profile a line; CSV one row per
/// profile and action.
public enum WhoamiReport {
    public static func render(_ profiles: [Whoami], _ format: OutputFormat) -> String {
        switch format {
        case .json: JSONText.encode(profiles, pretty: true) + "\n"
        case .jsonl: profiles.map { JSONText.encode($0, pretty: false) + "\n" }.joined()
        case .csv: rows(profiles).render(.csv)
        case .table: profiles.map(table).joined(separator: "\n")
        }
    }

    static func rows(_ profiles: [Whoami]) -> Report {
        var report = Report(columns: [
            .init("profile", "PROFILE"), .init("provider", "PROVIDER"), .init("signIn", "SIGN-IN"), .init("who", "WHO"),
            .init("command", "ACTION"), .init("allowed", "ALLOWED"), .init("missing", "MISSING"), .init("note", "NOTE"),
        ])
        for profile in profiles {
            for action in profile.actions {
                report.append(cells: [
                    .string(profile.profile), .string(profile.provider.rawValue), .string(profile.signIn), .string(profile.who),
                    .string(action.command), .bool(action.allowed), .text(action.missing), .text(action.note),
                ])
            }
        }
        return report
    }

    static func table(_ profile: Whoami) -> String {
        var head = "Profile \(profile.profile): \(profile.provider.displayName), signed in with \(profile.signIn) as \(profile.who)\n"
        for key in profile.endpoints.keys.sorted() { head += "  \(key): \(profile.endpoints[key] ?? "")\n" }
        head += "  directory roles: " + (profile.directoryRoles.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") }
            ?? profile.rolesNote ?? "unknown") + "\n"
        head += "  permissions: " + (profile.permissions.isEmpty ? "none in the token" : profile.permissions.joined(separator: " ")) + "\n\n"
        var actions = Report(columns: [.init("command", "ACTION"), .init("allowed", "ALLOWED"), .init("why", "MISSING / NOTE")])
        for action in profile.actions {
            actions.append(cells: [.string(action.command), .bool(action.allowed), .text(action.missing ?? action.note)])
        }
        return TerminalText.visibleLines(head) + actions.render(.table)
    }
}

extension Whoami: Encodable {
    enum CodingKeys: String, CodingKey {
        case profile, provider, endpoints, signIn, who, isApplication, directoryRoles, rolesNote, permissions, actions
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile, forKey: .profile)
        try container.encode(provider.rawValue, forKey: .provider)
        try container.encode(endpoints, forKey: .endpoints)
        try container.encode(signIn, forKey: .signIn)
        try container.encode(who, forKey: .who)
        try container.encode(isApplication, forKey: .isApplication)
        try container.encode(directoryRoles, forKey: .directoryRoles)
        try container.encode(rolesNote, forKey: .rolesNote)
        try container.encode(permissions, forKey: .permissions)
        try container.encode(actions, forKey: .actions)
    }
}

extension ActionVerdict: Encodable {
    enum CodingKeys: String, CodingKey { case command, allowed, missing, note }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(allowed, forKey: .allowed)
        try container.encode(missing, forKey: .missing)
        try container.encode(note, forKey: .note)
    }
}
