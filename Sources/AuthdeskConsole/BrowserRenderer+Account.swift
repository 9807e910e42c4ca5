import AuthdeskCore
import AuthdeskViewModels

/// The details pane showing the selected user's account (`i`): one labelled fact a line; a
/// fact the tenant refuses to tell reads "not available (reason)" in the secondary colour, a
/// blocked sign-in in the error colour.
extension BrowserRenderer {
    mutating func drawAccount() {
        var name: String?
        if case .loaded(_, let details) = state.accountPane.account { name = details.user.displayName }
        let title = "Account" + (name.map { " \(glyphs.separator) \($0)" } ?? "")
        guard let (inner, messageArea) = drawPane(layout.details, title: title, focused: false, footer: nil) else { return }
        switch state.accountPane.account {
        case .none:
            drawMessage("No user selected", style: theme.secondary, in: messageArea)
        case .loading:
            drawMessage("Reading the account" + glyphs.ellipsis, style: theme.secondary, in: messageArea)
        case .failed(_, let error):
            drawMessage(error.description, style: theme.error, in: messageArea)
        case .loaded(_, let details):
            let shown = details.facts.filter { !["user", "id", "displayName"].contains($0.key) }
            drawFacts(shown.map { fact in
                let disabled = fact.key == "accountEnabled" && fact.value == "false"
                return (fact.label, fact.text, disabled ? theme.error : (fact.value == nil ? theme.secondary : theme.text))
            }, in: inner)
        }
    }
}
