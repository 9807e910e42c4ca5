/// The browser's timings and sizes; tests shorten or zero them, the console uses the defaults.
public struct BrowserSettings: Sendable, Equatable {
    /// Users asked for per page.
    public var pageSize: Int
    /// How long typing must pause before the search is sent.
    public var searchDebounce: Duration
    /// How long the selection must rest on a user before that user's methods are asked for.
    public var methodsSettle: Duration
    /// Load the next page when the selection comes this close to the end of the list.
    public var pagingThreshold: Int
    /// How long an information message stays in the flash line.
    public var flashDuration: Duration
    /// How often a running operation's spinner turns (and its elapsed time is refreshed).
    public var spinnerInterval: Duration

    public init(
        pageSize: Int = 50, searchDebounce: Duration = .milliseconds(250),
        methodsSettle: Duration = .milliseconds(120), pagingThreshold: Int = 10,
        flashDuration: Duration = .seconds(4), spinnerInterval: Duration = .milliseconds(125)
    ) {
        self.spinnerInterval = spinnerInterval
        self.pageSize = pageSize
        self.searchDebounce = searchDebounce
        self.methodsSettle = methodsSettle
        self.pagingThreshold = pagingThreshold
        self.flashDuration = flashDuration
    }
}
