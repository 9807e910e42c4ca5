import AuthdeskCore
import AuthdeskServices

/// The answers of dialogs that carry a secret, shown once in the dialog (masked until `r`,
/// copied with `c` over OSC 52): a PIN, a generated TOTP secret's otpauth URI (also drawn as a
/// QR code), an enrollment link.
extension BrowserState {
    mutating func showTotp(_ method: AuthMethod, in dialog: DialogState?) -> [BrowserEffect] {
        guard let dialog, let secret = dialog.kind.generatedTotpSecret else {
            return showFlash(.info, "An authenticator app was enrolled; its dialog was closed, so its secret was not shown")
        }
        let uri = TotpSecret.uri(secret: secret, account: dialog.user.principalName, issuer: tenancy.current.domain)
        let lines = ["\(method.title) enrolled · r shows the URI and its QR code for the user's app, c copies it"]
        return showOnce(uri, label: "otpauth URI", lines: lines, in: dialog, missed: "") + refreshMethods(of: dialog.user.id)
    }

    mutating func showTicket(_ ticket: EnrollmentTicket, in dialog: DialogState?) -> [BrowserEffect] {
        showOnce(ticket.url, label: "Link", lines: ["Ticket \(ticket.ticketID) · whoever holds the link can enrol for the user"],
                 in: dialog, missed: "An enrollment ticket was created; its dialog was closed, so its link was not shown")
    }

    /// Puts `secret` in the dialog's result, masked; says `missed` when the dialog was closed.
    mutating func showOnce(_ secret: Secret, label: String, lines: [String], in dialog: DialogState?, missed: String) -> [BrowserEffect] {
        guard var current = dialog else { return showFlash(.info, missed) }
        current.phase = .result
        current.secret = secret
        current.secretLabel = label
        current.secretIsKeyURI = secret.reveal().hasPrefix("otpauth://")
        current.revealed = false
        current.resultLines = lines
        self.dialog = current
        return []
    }
}

extension DialogKind {
    /// An authenticator app enrolled with a secret authdesk generated (alone, or replacing all).
    var isTotpEnrollment: Bool { generatedTotpSecret != nil }

    /// The TOTP secret this dialog generated, if it enrols one.
    var generatedTotpSecret: Secret? {
        switch self {
        case .auth0(.addTotp(let secret)), .auth0(.replaceAll(let secret)): secret
        default: nil
        }
    }
}
