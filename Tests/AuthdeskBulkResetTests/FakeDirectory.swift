import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal

/// Holds requests in flight until the test lets them go, and tells the test each time one arrives.
actor Gate {
    nonisolated let arrivals: AsyncStream<String>
    private let arrival: AsyncStream<String>.Continuation
    private var permits = 0
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(open: Bool = false) {
        (arrivals, arrival) = AsyncStream.makeStream(of: String.self)
        isOpen = open
    }

    func enter(_ label: String) async {
        arrival.yield(label)
        if isOpen { return }
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Lets `count` requests through (those waiting first, then the next to arrive).
    func release(_ count: Int = 1) {
        for _ in 0..<count {
            if waiting.isEmpty { permits += 1 } else { waiting.removeFirst().resume() }
        }
    }

    /// Lets every request through, now and from now on.
    func open() {
        isOpen = true
        let all = waiting
        waiting.removeAll()
        for waiter in all { waiter.resume() }
    }
}

/// One tenant's directory in memory, serving the engine as a ``MethodRemover``: deletes remove,
/// deactivations set the token `assigned`, unknown methods answer 404; failures are scripted.
actor FakeDirectory: MethodRemover {
    private(set) var methodsByUser: [String: [AuthMethod]]
    private var defaults: [String: String]
    /// Answers to give instead of doing the step, by method id.
    private var scripted: [String: StepAnswer] = [:]
    /// Method ids that stay after a successful delete (a service that lies).
    private var sticky: Set<String> = []
    private var unreadable: [String: ServiceFailure] = [:]
    private let gate: Gate?
    /// "user method action", in the order requests arrived.
    private(set) var log: [String] = []
    /// Users whose methods were listed, in order.
    private(set) var reads: [String] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    private var requestNumber = 0

    init(methods: [String: [AuthMethod]], defaults: [String: String] = [:], gate: Gate? = nil) {
        methodsByUser = methods
        self.defaults = defaults
        self.gate = gate
    }

    func script(_ methodID: String, _ answer: StepAnswer) { scripted[methodID] = answer }
    func makeSticky(_ methodID: String) { sticky.insert(methodID) }
    func makeUnreadable(_ userID: String, _ failure: ServiceFailure) { unreadable[userID] = failure }
    func remove(_ methodID: String, of userID: String) { methodsByUser[userID]?.removeAll { $0.id == methodID } }

    func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] {
        reads.append(userID)
        if let failure = unreadable[userID] { throw failure }
        guard let methods = methodsByUser[userID] else {
            throw ServiceFailure(httpStatus: 404, code: "Request_ResourceNotFound", message: "no such user", requestID: "r-404")
        }
        return methods
    }

    func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? {
        defaults[userID]
    }

    func perform(_ step: PlanStep, of userID: String) async -> StepAnswer {
        log.append("\(userID) \(step.methodID) \(step.action.rawValue)")
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if let gate { await gate.enter("\(userID) \(step.methodID)") }
        inFlight -= 1
        requestNumber += 1
        let requestID = "req-\(requestNumber)"
        if let answer = scripted[step.methodID] { return answer }
        guard let index = methodsByUser[userID]?.firstIndex(where: { $0.id == step.methodID }) else {
            return StepAnswer(httpStatus: 404, errorCode: "notFound", message: "method not found", requestID: requestID)
        }
        switch (step.action, methodsByUser[userID]?[index]) {
        case (.makeDefault, _):
            defaults[userID] = step.methodID
        case (.deactivate, .hardwareOath(var token)?):
            token.status = "assigned"
            methodsByUser[userID]?[index] = .hardwareOath(token)
        default:
            if !sticky.contains(step.methodID) { methodsByUser[userID]?.remove(at: index) }
        }
        return StepAnswer(httpStatus: 204, requestID: requestID)
    }
}
