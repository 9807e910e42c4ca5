/// Everything an operator can ask of a screen (the browser, its dialogs, the bulk reset screen);
/// the key table (``KeyMap``) maps keys to these, per scope.
///
/// Tests press keys by action name (``BrowserViewModel/perform(_:)``,
/// ``BulkScreenViewModel/perform(_:)``), as lazygit's do, so a changed key binding changes no test.
public enum KeyAction: String, Sendable, Hashable, CaseIterable {
    case search
    case commandLine
    case help
    case quit
    case nextPane
    case open
    case back
    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case top
    case bottom
    case reload
    case accept
    case cancel
    case deleteBackward
    case clearInput
    case closeHelp
    case redraw
    /// Open the tenant picker.
    case chooseTenant
    /// The details pane shows the selected user's account instead of the method, or back.
    case toggleAccount
    // The methods pane's actions: each opens a dialog.
    case addPhone
    case editMethod
    case deleteMethod
    case toggleSmsSignIn
    case editEmail
    case issueTemporaryAccessPass
    case revokeSessions
    case resetPassword
    /// Block or unblock the user's sign-in (a dialog).
    case toggleSignIn
    /// Set the per-user MFA state (a dialog).
    case perUserMfa
    /// Choose the default MFA method (a dialog).
    case defaultMethod
    /// Create a QR code + PIN method, or reset its PIN (a dialog).
    case qrCodePin
    /// Auth0's own actions, and a temporary QR code (dialogs; ``Auth0Dialog``).
    case addTotp
    case addSecurityKey
    case enrollmentTicket
    case deleteAllMethods
    case forgetBrowsers
    case temporaryQrCode
    case changeAuth0Method
    case deleteEnrollments
    case replaceAllMethods
    // Marking users for a bulk action, and the bulk "reset all MFA".
    case toggleMark
    case markAll
    case clearMarks
    case bulkReset
    // Inside a dialog.
    case nextField
    case previousField
    case cursorLeft
    case cursorRight
    case toggleChoice
    case confirm
    case closeDialog
    case reveal
    case copySecret
    /// Show the requests the dialog's change would send, before confirming (nothing is sent).
    case showRequests
    /// The journal screen: undo the selected entry (asks first).
    case undo
    // The bulk reset screen (`quit` there: while a job runs, asks once, then pauses it and quits).
    case togglePolicy
    case pause
    case cancelRun
    case export
    /// Run a job's failed users again (their failed steps, then the verify).
    case retryFailed
    /// `:jobs`: approve the selected job awaiting another operator's approval (asks first).
    case approveJob
}
