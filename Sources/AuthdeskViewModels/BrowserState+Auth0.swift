import AuthdeskCore
import AuthdeskServices

/// The answers of Auth0's dialogs that carry a secret, shown once in the dialog (masked until
/// `r`, copied with `c` over OSC 52): a generated TOTP secret's otpauth URI, an enrollment link.
extension BrowserState {
    mutating func showTotp(_ method: AuthMethod, in dialog: DialogState?) -> [BrowserEffect] {
        guard var current = dialog, case .auth0(.addTotp(let secret)) = current.kind else {
            return showFlash(.info, "An authenticator app was enrolled; its dialog was closed, so its secret was not shown")
        }
        current.phase = .result
        current.secret = TotpSecret.uri(secret: secret, account: current.user.principalName, issuer: tenancy.current.domain)
        current.secretLabel = "otpauth URI"
        current.revealed = false
        current.resultLines = ["\(method.title) enrolled · give the URI to the user's app (r shows it, c copies it)"]
        self.dialog = current
        return refreshMethods(of: current.user.id)
    }

    mutating func showTicket(_ ticket: EnrollmentTicket, in dialog: DialogState?) -> [BrowserEffect] {
        guard var current = dialog else {
            return showFlash(.info, "An enrollment ticket was created; its dialog was closed, so its link was not shown")
        }
        current.phase = .result
        current.secret = ticket.url
        current.secretLabel = "Link"
        current.revealed = false
        current.resultLines = ["Ticket \(ticket.ticketID) · whoever holds the link can enrol for the user"]
        self.dialog = current
        return []
    }
}

extension DialogKind {
    /// An authenticator app enrolled with a secret authdesk generated.
    var isTotpEnrollment: Bool {
        if case .auth0(.addTotp) = self { return true }
        return false
    }
}
