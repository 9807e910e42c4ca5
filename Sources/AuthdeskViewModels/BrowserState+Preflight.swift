import AuthdeskCore

extension BrowserState {
    /// Starts the pre-flight of the dialog just opened: "checking…" until its answer.
    mutating func startPreflight() -> [BrowserEffect] {
        guard var dialog else { return [] }
        dialog.preflight = .checking
        self.dialog = dialog
        return [.preflight(dialog.kind.preflightAction, userID: dialog.user.id, dialogID: dialog.id)]
    }

    /// The pre-flight's verdict for dialog `dialogID` (dropped when that dialog is gone).
    mutating func preflightAnswered(_ dialogID: Int, _ verdict: PreflightVerdict) -> [BrowserEffect] {
        guard var dialog, dialog.id == dialogID else { return [] }
        dialog.preflight = .answered(verdict)
        self.dialog = dialog
        return []
    }

    /// `signed in as helpdesk@contoso.com · Authentication Administrator`, once known.
    public var operatorLine: String? {
        operatorProfile?.line
    }
}
