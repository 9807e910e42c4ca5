import AuthdeskJournal

/// The running job's id and event stream, for pause and resume.
actor JobBox {
    private var id: JobID?
    private var emit: AsyncStream<BulkResetEvent>.Continuation?

    func set(_ id: JobID, _ emit: AsyncStream<BulkResetEvent>.Continuation) {
        self.id = id
        self.emit = emit
    }

    func get() -> (JobID, AsyncStream<BulkResetEvent>.Continuation)? {
        guard let id, let emit else { return nil }
        return (id, emit)
    }
}
