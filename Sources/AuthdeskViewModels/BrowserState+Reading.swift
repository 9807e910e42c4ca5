import AuthdeskCore

/// Short names for what the tests and the console benchmark read most (the console reads the
/// sub-states themselves).
extension BrowserState {
    /// The tenant shown.
    public var tenant: TenantInfo { tenancy.current }
    public var tenants: [TenantInfo] { tenancy.all }
    public var query: String { list.query }
    public var users: UserRows { list.users }
    /// Where the next page of results is; nil when the list is complete.
    public var nextCursor: PageCursor? { list.nextCursor }
    public var methods: MethodsState { methodsPane.methods }
    public var command: String { commandLine.text }
    public var flash: Flash? { flashes.current }
    public var marks: Marks { marking.marks }
    public var ticket: String? { ticketing.reference }
}
