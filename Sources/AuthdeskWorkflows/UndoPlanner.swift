import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal

/// What undoing a journal entry takes: the change that re-creates what the entry removed (or
/// puts back what it replaced), found from the entry's evidence, or the reason it cannot be
/// done. Block, unblock and the per-user MFA state are put back as they were just before.
public enum UndoPlanner {
    /// The change that undoes `entry`, and a line saying what it does; a refusal (exit 2) says why not.
    public static func plan(_ entry: AuditEntry) throws(UsageError) -> (request: ChangeRequest, description: String) {
        let id = entry.id.map(String.init) ?? "?"
        guard entry.outcome == .succeeded else {
            throw UsageError("entry \(id) did not succeed (\(entry.outcome.rawValue)): it changed nothing to undo")
        }
        guard entry.undoOf == nil else {
            throw UsageError("entry \(id) is itself an undo (of entry \(entry.undoOf ?? 0)); make the change again instead")
        }
        let user = entry.userID
        switch entry.action {
        case "delete method":
            let removed = try removedMethod(entry)
            switch removed.kind {
            case MethodKind.phone.rawValue, MethodKind.auth0Phone.rawValue:
                guard let number = removed.value, let type = removed.phoneType.flatMap(PhoneType.init(rawValue:)) else { break }
                return (.addPhone(userID: user, number: number, type: type), "add the \(type.displayName.lowercased()) \(number) again")
            case MethodKind.email.rawValue, MethodKind.auth0Email.rawValue:
                guard let address = removed.value else { break }
                return (.addEmail(userID: user, address: address), "add the e-mail method \(address) again")
            default:
                break
            }
            throw UsageError("entry \(id) removed \(removed.title): \(reason(removed.kind))")
        case "disable SMS sign-in":
            return (.setSmsSignIn(userID: user, enabled: true), "enable SMS sign-in again")
        case "enable SMS sign-in":
            return (.setSmsSignIn(userID: user, enabled: false), "disable SMS sign-in again")
        case "update phone":
            let (old, type) = try replaced(entry, kind: .phone)
            return (.updatePhone(userID: user, type: type ?? .mobile, number: old), "put back the number \(old)")
        case "update e-mail":
            let (old, _) = try replaced(entry, kind: .email)
            return (.updateEmail(userID: user, address: old), "put back the address \(old)")
        case "block sign-in", "unblock sign-in", "set per-user MFA":
            return try accountUndo(entry)
        default:
            break
        }
        throw UsageError(
            "entry \(id) (\(entry.action)) cannot be undone by authdesk; undo covers a deleted phone or e-mail method, "
                + "SMS sign-in switched on or off, a phone number or e-mail address changed, sign-in blocked or "
                + "unblocked, and the per-user MFA state set")
    }

    /// The undo of a block, an unblock or a per-user MFA change: the state the entry kept from
    /// just before it (``AccountStateBefore``) put back.
    static func accountUndo(_ entry: AuditEntry) throws(UsageError) -> (request: ChangeRequest, description: String) {
        let id = entry.id ?? 0
        switch AccountStateBefore(entry) {
        case .signIn(let enabled)?:
            guard entry.action != "unblock sign-in" || !enabled, entry.action != "block sign-in" || enabled else {
                throw UsageError(
                    "entry \(id): sign-in was already \(enabled ? "enabled" : "blocked") before it, so it changed nothing to undo")
            }
            return (.setAccountEnabled(userID: entry.userID, enabled: enabled), enabled ? "unblock sign-in again" : "block sign-in again")
        case .perUserMfa(let state)?:
            return (.setPerUserMfaState(userID: entry.userID, state), "set the per-user MFA state back to \(state.rawValue)")
        case nil:
            let what = entry.action == "set per-user MFA" ? "the per-user MFA state" : "whether sign-in was blocked"
            throw UsageError(
                "entry \(id) (\(entry.action)) has no record of \(what) before it (journalled before authdesk kept it), "
                    + "so what to put back is not known; set it by hand (authdesk users ...)")
        }
    }

    /// Why a removed method of `kind` cannot be re-created.
    static func reason(_ kind: String) -> String {
        switch MethodKind(rawValue: kind) {
        case .fido2: "a FIDO2 security key holds its private key; the user registers the key again"
        case .microsoftAuthenticator: "the Authenticator app holds its keys; the user registers the app again (a Temporary Access Pass helps)"
        case .windowsHelloForBusiness, .platformCredential: "the device holds the key; the user sets up Windows Hello or the device again"
        case .password: "a password cannot be restored; reset it instead"
        case .softwareOath, .hardwareOath: "the token's secret is never readable; the user registers the token again"
        case .temporaryAccessPass: "a pass cannot be re-created; issue a new one"
        default: "authdesk cannot re-create this kind of method; the user registers it again"
        }
    }

    /// The method `entry` removed: in its methods before and not after.
    static func removedMethod(_ entry: AuditEntry) throws(UsageError) -> MethodSnapshot {
        guard let before = entry.before, let after = entry.after else {
            throw UsageError(
                "entry \(entry.id ?? 0) has no record of the user's methods before and after it (journalled before evidence was kept), so what it removed is not known")
        }
        guard let removed = before.first(where: { method in !after.contains { $0.id == method.id } }) else {
            throw UsageError("entry \(entry.id ?? 0): the user's methods before and after it are the same; nothing to re-create")
        }
        return removed
    }

    /// The number or address `entry` replaced, with the phone's slot.
    static func replaced(_ entry: AuditEntry, kind: MethodKind) throws(UsageError) -> (String, PhoneType?) {
        guard let before = entry.before, let after = entry.after else {
            throw UsageError("entry \(entry.id ?? 0) has no record of the user's methods before it, so the old value is not known")
        }
        for old in before where old.kind == kind.rawValue {
            if let new = after.first(where: { $0.id == old.id }), new.value != old.value, let value = old.value {
                return (value, old.phoneType.flatMap(PhoneType.init(rawValue:)))
            }
        }
        throw UsageError("entry \(entry.id ?? 0): no \(kind == .phone ? "phone number" : "address") was replaced; nothing to put back")
    }
}
