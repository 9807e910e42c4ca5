import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices

/// The bulk engine's ``MethodRemover`` over any ``IdentityProvider``: lists methods, reads the
/// default method from the sign-in preferences where the provider has them (Graph; Auth0 has
/// none), deletes methods, deactivates hardware OATH tokens where the provider can (Graph; the
/// others refuse the step), and reads many users together where the provider batches reads.
public struct ProviderRemover: MethodRemover {
    let provider: any IdentityProvider
    /// Where the provider batches reads: single users' method lists (the engine's verify reads)
    /// gathered into batches.
    let gatherer: MethodListGatherer?

    public init(provider: any IdentityProvider) {
        self.provider = provider
        gatherer = provider.readBatchSize > 1 ? MethodListGatherer(provider: provider) : nil
    }

    /// The user's methods; where the provider batches reads, read together with other users'
    /// asked for at the same time (through ``MethodListGatherer``), as the engine verifies users
    /// concurrently.
    public func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] {
        if let gatherer {
            switch await gatherer.methods(of: userID) {
            case .success(let methods): return methods
            case .failure(let error): throw Self.failure(error)
            }
        }
        do {
            return try await provider.methods(of: userID)
        } catch {
            throw Self.failure(error)
        }
    }

    public func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? {
        guard provider.capabilities.contains(.readDefaultMethod) else { return nil }
        do {
            let preferences = try await provider.signInPreferences(of: userID)
            return Self.methodID(for: preferences.userPreferredMethodForSecondaryAuthentication, among: methods)
        } catch {
            throw Self.failure(error)
        }
    }

    /// The provider's: Graph reads 20 users a call (three requests each, in batches of 20); other
    /// providers read one user at a time.
    public var readBatchSize: Int { provider.readBatchSize }

    public func readMethods(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>] {
        let read: [String: Result<MethodsAndPreferences, ServiceError>]
        do {
            read = try await provider.methodsAndPreferences(of: userIDs)
        } catch {
            let failure = Self.failure(error)
            return Dictionary(userIDs.map { ($0, .failure(failure)) }) { first, _ in first }
        }
        var results: [String: Result<UserMethods, ServiceFailure>] = [:]
        for userID in userIDs {
            switch read[userID] {
            case .success(let found)?:
                let defaultID = Self.methodID(for: found.preferences.userPreferredMethodForSecondaryAuthentication, among: found.methods)
                results[userID] = .success(UserMethods(methods: found.methods, defaultMethodID: defaultID))
            case .failure(let error)?:
                results[userID] = .failure(Self.failure(error))
            case nil:
                results[userID] = .failure(ServiceFailure(httpStatus: nil, message: "No answer was read for this user"))
            }
        }
        return results
    }

    /// The provider's: Graph and Auth0 report every answer.
    public var loadObservers: LoadObservers? { provider.loadObservers }

    /// From the first burst of the tenant's write budget (``AdaptiveConcurrency/initial(ceiling:burst:writesPerUser:)``).
    public func startingConcurrency(ceiling: Int) async -> Int {
        guard let budget = provider.writeBudget else { return min(ceiling, BulkResetEngine.initialConcurrency) }
        return AdaptiveConcurrency.initial(ceiling: ceiling, burst: await budget.capacity)
    }

    /// Sends the step and answers with the status the service answered and its request id, or
    /// the failure's status, code, message and request id.
    public func perform(_ step: PlanStep, of userID: String) async -> StepAnswer {
        let write: MethodWrite
        switch Self.write(for: step) {
        case .write(let found): write = found
        case .refused(let answer): return answer
        }
        do {
            return StepAnswer(try await provider.perform(write, of: userID))
        } catch {
            return StepAnswer(error)
        }
    }

    /// Where the provider chains writes (Graph), the steps from the first up to the first that
    /// has no write (it is answered on its own), at most the provider's chain limit.
    public func chainLength(of steps: [PlanStep]) -> Int {
        guard provider.writeChainLimit > 1 else { return min(1, steps.count) }
        let writable = steps.prefix(provider.writeChainLimit).prefix { Self.write(for: $0).isWrite }.count
        return max(min(1, steps.count), writable)
    }

    public func performInOrder(_ steps: [PlanStep], of userID: String) async -> [StepAnswer] {
        var writes: [MethodWrite] = []
        for step in steps {
            guard case .write(let write) = Self.write(for: step) else { break }
            writes.append(write)
        }
        guard writes.count == steps.count, steps.count > 1 else {
            return await performOneByOne(steps, of: userID)
        }
        var answers = await provider.writeInOrder(writes, of: userID).map { result in
            switch result {
            case .success(let receipt): StepAnswer(receipt)
            case .failure(let error): StepAnswer(error)
            }
        }
        // A delete answered 404 (the method is already gone) is done, but the service fails the
        // writes after it (424): they are sent again, chained from there.
        if let broken = answers.indices.first(where: { !answers[$0].succeeded(for: steps[$0].action) }), broken > 0,
           answers[broken].httpStatus == 424, answers[broken - 1].httpStatus == 404 {
            answers.replaceSubrange(broken..., with: await performInOrder(Array(steps[broken...]), of: userID))
        }
        return answers
    }

    /// The write a step sends, or the answer that refuses it without sending.
    enum Prepared {
        case write(MethodWrite)
        case refused(StepAnswer)

        var isWrite: Bool {
            if case .write = self { true } else { false }
        }
    }

    /// The write a step sends, or the answer that refuses it without sending.
    static func write(for step: PlanStep) -> Prepared {
        switch step.action {
        case .delete:
            guard let method = method(for: step) else {
                return .refused(StepAnswer(
                    httpStatus: nil, errorCode: "notDeletable",
                    message: "\(step.title) (\(step.kind.rawValue)) cannot be deleted by this version"))
            }
            return .write(.delete(method))
        case .deactivate:
            return .write(.deactivateHardwareOath(methodID: step.methodID))
        case .makeDefault:
            guard let preference = preference(for: step) else {
                return .refused(StepAnswer(
                    httpStatus: nil, errorCode: "notSupported", message: "\(step.title) cannot be made the default method"))
            }
            return .write(.setDefault(preference))
        }
    }

    static func failure(_ error: ServiceError) -> ServiceFailure {
        ServiceFailure(httpStatus: error.status, code: error.code, message: error.message, requestID: error.requestID)
    }

    /// The method a Graph default-method preference points at: the phone of its slot, the
    /// Microsoft Authenticator (push), or the OATH token, software before hardware (oath).
    /// When several methods share the preference, the first by id.
    public static func methodID(for preference: DefaultMethod?, among methods: [AuthMethod]) -> String? {
        func first(_ kinds: [MethodKind]) -> String? {
            for kind in kinds {
                if let id = methods.filter({ $0.kind == kind }).map(\.id).min() { return id }
            }
            return nil
        }
        func phone(_ type: PhoneType) -> String? {
            methods.contains { $0.id == type.methodID } ? type.methodID : nil
        }
        switch preference {
        case .sms?, .voiceMobile?: return phone(.mobile)
        case .voiceAlternateMobile?: return phone(.alternateMobile)
        case .voiceOffice?: return phone(.office)
        case .push?: return first([.microsoftAuthenticator])
        case .oath?: return first([.softwareOath, .hardwareOath])
        case .none?, nil: return nil
        }
    }

    /// The Graph preference that makes the step's method the default: a phone by its slot
    /// (voice, which every phone supports), the authenticator (push), an OATH token (oath).
    public static func preference(for step: PlanStep) -> DefaultMethod? {
        switch step.kind {
        case .phone:
            switch PhoneType(methodID: step.methodID) {
            case .mobile?: .voiceMobile
            case .alternateMobile?: .voiceAlternateMobile
            case .office?: .voiceOffice
            case nil: nil
            }
        case .microsoftAuthenticator: .push
        case .softwareOath, .hardwareOath: .oath
        default: nil
        }
    }

    /// A method value to address a step's method by: its kind and id are all a delete needs.
    static func method(for step: PlanStep) -> AuthMethod? {
        AuthMethod.addressing(step.kind, id: step.methodID)
    }
}
