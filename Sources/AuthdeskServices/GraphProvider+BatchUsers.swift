import AuthdeskCore
import Foundation

/// Finding many users and reading their pre-flight facts through JSON batches (20 requests a
/// batch, the batches sent at once): a list of users costs a few round trips, not one or two
/// a user.
extension GraphProvider {
    /// Each key found as ``user(_:)`` finds it (by object id or principal name); a key that looks
    /// like an e-mail and is not a principal name is then looked up by `mail`, in a second set
    /// of batches. A batch that fails as a whole fails its users with its error.
    public func users(_ idsOrNames: [String]) async -> [String: Result<DirectoryUser, ServiceError>] {
        let select = "$select=" + GraphDecoder.userFields.joined(separator: ",")
        var results = await batchReads(idsOrNames) { key in
            Self.relativeURL(["users", key]) + "?" + select
        } decode: { answer throws(ServiceError) in
            guard let json = answer.json, let user = GraphDecoder.user(json) else {
                throw ServiceError(kind: .invalidResponse, status: answer.response.status,
                                   message: "Graph answered a user without an id", requestID: answer.response.requestID)
            }
            return user
        }
        let byMail = results.compactMap { key, result -> String? in
            guard case .failure(let error) = result, error.status == 404, key.contains("@") else { return nil }
            return key
        }
        guard !byMail.isEmpty else { return results }
        let found = await batchReads(byMail) { key in
            let quoted = key.replacingOccurrences(of: "'", with: "''")
            return "/users?$filter=" + HTTPRequest.formEncode("mail eq '\(quoted)'") + "&" + select
        } decode: { answer throws(ServiceError) in
            let users = (answer.json.flatMap(GraphDecoder.list)?.items ?? []).compactMap(GraphDecoder.user)
            guard users.count == 1, let user = users.first else {
                throw ServiceError(kind: users.isEmpty ? .notFound : .badInput, status: users.isEmpty ? 404 : 400,
                                   message: users.isEmpty ? "No user has this id, principal name or e-mail"
                                       : "\(users.count) users have this e-mail; give the principal name",
                                   requestID: answer.response.requestID)
            }
            return user
        }
        for (key, result) in found { results[key] = result }
        return results
    }

    /// The pre-flight facts of each user (as ``targetFacts(of:)-(String)`` reads them): the user
    /// and the first page of its `transitiveMemberOf`, two requests a user in the batches; a
    /// longer member-of list is read on with single requests.
    public func targetFacts(of userIDs: [String]) async -> [String: Result<TargetFacts, ServiceError>] {
        async let people = batchReads(userIDs) { key in
            Self.relativeURL(["users", key]) + "?$select=id,displayName,userPrincipalName,onPremisesSyncEnabled"
        } decode: { answer throws(ServiceError) in
            guard let json = answer.json, let id = json["id"]?.string, !id.isEmpty else {
                throw ServiceError(kind: .invalidResponse, message: "Graph answered a user without an id")
            }
            return json
        }
        let memberships = await batchReads(userIDs) { key in
            Self.relativeURL(["users", key, "transitiveMemberOf"])
        } decode: { answer throws(ServiceError) in
            guard let json = answer.json, let page = GraphDecoder.list(json) else {
                throw ServiceError(kind: .invalidResponse, message: "Graph answered a member-of list without a value array")
            }
            return page
        }
        var results: [String: Result<TargetFacts, ServiceError>] = [:]
        for (key, person) in await people {
            do throws(ServiceError) {
                let json = try person.get()
                let id = json["id"]?.string ?? key
                var roles: [AdminRole]?
                switch memberships[key] {
                case .success(let page)?:
                    roles = Self.directoryRoles(in: page.items)
                    if page.next != nil { roles = try await directoryRoles(["users", id, "transitiveMemberOf"]) }
                case .failure(let error)? where error.status == 403:
                    roles = nil
                case .failure(let error)?:
                    throw error
                case nil:
                    throw ServiceError(kind: .invalidResponse, message: "Graph's batch answer left the member-of list out")
                }
                results[key] = .success(TargetFacts(
                    userID: id, displayName: json["displayName"]?.string ?? json["userPrincipalName"]?.string ?? id,
                    adminRoles: roles, syncedFromOnPremises: json["onPremisesSyncEnabled"]?.bool ?? false))
            } catch {
                results[key] = .failure(error)
            }
        }
        return results
    }

    /// One GET a distinct key (its URL relative to v1.0 from `url`), sent through ``batch(_:beta:)``,
    /// each answer decoded; a key that cannot be put in a URL, a failed answer, or a batch that
    /// failed as a whole fails that key only.
    func batchReads<Value: Sendable>(
        _ keys: [String], url: (String) -> String, decode: (GraphBatchResponse) throws(ServiceError) -> Value
    ) async -> [String: Result<Value, ServiceError>] {
        var results: [String: Result<Value, ServiceError>] = [:]
        var requests: [GraphBatchRequest] = []
        var keyOf: [String: String] = [:]
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted {
            do throws(ServiceError) {
                let id = "r\(requests.count)"
                requests.append(GraphBatchRequest(id: id, url: url(try GraphProvider.userKey(key))))
                keyOf[id] = key
            } catch {
                results[key] = .failure(error)
            }
        }
        guard !requests.isEmpty else { return results }
        let answers: [String: GraphBatchResponse]
        do throws(ServiceError) {
            answers = try await batch(requests)
        } catch {
            for key in keyOf.values { results[key] = .failure(error) }
            return results
        }
        for (id, key) in keyOf {
            guard let answer = answers[id] else {
                results[key] = .failure(ServiceError(kind: .invalidResponse, message: "Graph's batch answer left this user out"))
                continue
            }
            if let failure = answer.failure {
                results[key] = .failure(failure)
                continue
            }
            do throws(ServiceError) {
                results[key] = .success(try decode(answer))
            } catch {
                results[key] = .failure(error)
            }
        }
        return results
    }
}
