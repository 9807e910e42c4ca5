import AuthdeskCore
import Foundation

/// Reading many users' methods and sign-in preferences through JSON batches: per user the v1.0
/// method list, the beta hardware OATH list and the beta sign-in preferences (the same reads as
/// ``GraphProvider/methods(of:)`` and ``GraphProvider/signInPreferences(of:)``), 20 requests a
/// batch instead of three requests a user.
extension GraphProvider {
    /// The methods and preferences of each of `userIDs`, or the failure that kept them from
    /// being read (a 404 for one user fails that user only). The v1.0 lists and the beta
    /// requests go as two sets of batches at once. A beta hardware OATH list that beta refuses
    /// counts as none, as in ``methods(of:)``; one throttled or unavailable fails the user. Throws only for a bad user id, before sending.
    public func methodsAndPreferences(
        of userIDs: [String]
    ) async throws(ServiceError) -> [String: Result<MethodsAndPreferences, ServiceError>] {
        try await read(userIDs, preferences: true)
    }

    /// The methods of each of `userIDs` (the v1.0 list and the beta hardware OATH list, as
    /// ``methods(of:)`` reads them), or the failure that kept them from being read; through
    /// batches as ``methodsAndPreferences(of:)``.
    public func methodLists(of userIDs: [String]) async throws(ServiceError) -> [String: Result<[AuthMethod], ServiceError>] {
        try await read(userIDs, preferences: false).mapValues { $0.map(\.methods) }
    }

    private func read(
        _ userIDs: [String], preferences withPreferences: Bool
    ) async throws(ServiceError) -> [String: Result<MethodsAndPreferences, ServiceError>] {
        var keys: [(id: String, key: String)] = []
        for id in userIDs { keys.append((id, try GraphProvider.userKey(id))) }
        var v1: [GraphBatchRequest] = []
        var beta: [GraphBatchRequest] = []
        for (index, entry) in keys.enumerated() {
            let user = ["users", entry.key, "authentication"]
            v1.append(GraphBatchRequest(id: "m\(index)", url: Self.relativeURL(user + ["methods"])))
            beta.append(GraphBatchRequest(id: "h\(index)", url: Self.relativeURL(user + ["hardwareOathMethods"])))
            if withPreferences {
                beta.append(GraphBatchRequest(id: "p\(index)", url: Self.relativeURL(user + ["signInPreferences"])))
            }
        }
        async let betaAnswers = batchOrFailure(beta, beta: true)
        let v1Answers = await batchOrFailure(v1, beta: false)
        let betaResult = await betaAnswers

        var results: [String: Result<MethodsAndPreferences, ServiceError>] = [:]
        for (index, entry) in keys.enumerated() {
            do throws(ServiceError) {
                let listAnswer = try answer("m\(index)", in: v1Answers)
                var methods = try await methodList(listAnswer, defaultType: nil)
                let preferences = withPreferences
                    ? try Self.preferences(try answer("p\(index)", in: betaResult))
                    : SignInPreferences(userPreferredMethodForSecondaryAuthentication: nil)
                let hardware = try await hardwareList(answer: { () throws(ServiceError) in try answer("h\(index)", in: betaResult) })
                let known = Set(methods.map(\.id))
                methods += hardware.filter { !known.contains($0.id) }
                results[entry.id] = .success(MethodsAndPreferences(methods: methods, preferences: preferences))
            } catch {
                results[entry.id] = .failure(error)
            }
        }
        return results
    }

    private func batchOrFailure(_ requests: [GraphBatchRequest], beta: Bool) async -> Result<[String: GraphBatchResponse], ServiceError> {
        do throws(ServiceError) {
            return .success(try await batch(requests, beta: beta))
        } catch {
            return .failure(error)
        }
    }

    private func answer(_ id: String, in answers: Result<[String: GraphBatchResponse], ServiceError>) throws(ServiceError) -> GraphBatchResponse {
        let all = try answers.get()
        guard let answer = all[id] else {
            throw ServiceError(kind: .invalidResponse, message: "Graph's batch answer left request \(id) out")
        }
        if let failure = answer.failure { throw failure }
        return answer
    }

    /// The beta hardware OATH list: none where beta refuses it (as in ``methods(of:)``), but a
    /// throttled or unavailable answer fails the user, so that no plan leaves out a token that
    /// could not be read.
    private func hardwareList(answer: () throws(ServiceError) -> GraphBatchResponse) async throws(ServiceError) -> [AuthMethod] {
        do throws(ServiceError) {
            return try await methodList(try answer(), defaultType: "hardwareOathAuthenticationMethod")
        } catch {
            if error.status.map({ transport.retry.retryableStatuses.contains($0) }) ?? true { throw error }
            return []
        }
    }

    /// A method list from a batch answer; a list longer than one page follows its next links
    /// with single requests.
    private func methodList(_ answer: GraphBatchResponse, defaultType: String?) async throws(ServiceError) -> [AuthMethod] {
        guard let json = answer.json, let (items, link) = GraphDecoder.list(json) else {
            throw ServiceError(
                kind: .invalidResponse, status: answer.response.status,
                message: "Graph answered a method list without a value array", requestID: answer.response.requestID)
        }
        var methods = items.compactMap { GraphDecoder.method($0, defaultType: defaultType) }
        if let next = link.flatMap(URL.init(string:)), endpoints.isGraphURL(next) {
            methods += try await list(next, defaultType: defaultType)
        }
        return methods
    }

    private static func preferences(_ answer: GraphBatchResponse) throws(ServiceError) -> SignInPreferences {
        guard let json = answer.json else {
            throw ServiceError(
                kind: .invalidResponse, status: answer.response.status,
                message: "Graph answered sign-in preferences that are not JSON", requestID: answer.response.requestID)
        }
        let raw = json["userPreferredMethodForSecondaryAuthentication"]?.string
        return SignInPreferences(
            userPreferredMethodForSecondaryAuthentication: raw.flatMap(DefaultMethod.init(rawValue:)),
            rawPreferredMethod: raw,
            isSystemPreferredAuthenticationMethodEnabled: json["isSystemPreferredAuthenticationMethodEnabled"]?.bool)
    }
}
