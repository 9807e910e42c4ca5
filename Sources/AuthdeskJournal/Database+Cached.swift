import GRDB

/// The journal's hot statements, prepared once per connection and kept (GRDB's statement cache):
/// a 5,000-user run executes the same few statements tens of thousands of times, and preparing
/// each again (parse, authorizer, region) was a fifth of the client's CPU.
extension Database {
    /// Executes `sql` (one statement) with `arguments`, through the connection's statement cache.
    func executeCached(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// The records `sql` selects, through the connection's statement cache.
    func fetchAllCached<Record: FetchableRecord>(
        _ type: Record.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> [Record] {
        try Record.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first record `sql` selects, if any, through the connection's statement cache.
    func fetchOneCached<Record: FetchableRecord>(
        _ type: Record.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> Record? {
        try Record.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
