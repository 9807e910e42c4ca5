import AuthdeskCore

/// The reads of many users for a provider that cannot batch them: one user after another, with
/// a batch size of 1.
extension IdentityProvider {
    public var readBatchSize: Int { 1 }

    /// Each user's methods, and their sign-in preferences where the provider reads them
    /// (``ProviderAction/readDefaultMethod``; none otherwise), one user after another.
    public func methodsAndPreferences(
        of userIDs: [String]
    ) async throws(ServiceError) -> [String: Result<MethodsAndPreferences, ServiceError>] {
        var results: [String: Result<MethodsAndPreferences, ServiceError>] = [:]
        let readsPreferences = capabilities.contains(.readDefaultMethod)
        for userID in userIDs where results[userID] == nil {
            do throws(ServiceError) {
                let methods = try await methods(of: userID)
                let preferences = readsPreferences
                    ? try await signInPreferences(of: userID)
                    : SignInPreferences(userPreferredMethodForSecondaryAuthentication: nil)
                results[userID] = .success(MethodsAndPreferences(methods: methods, preferences: preferences))
            } catch {
                results[userID] = .failure(error)
            }
        }
        return results
    }

    /// Each user's methods, one user after another.
    public func methodLists(of userIDs: [String]) async throws(ServiceError) -> [String: Result<[AuthMethod], ServiceError>] {
        var results: [String: Result<[AuthMethod], ServiceError>] = [:]
        for userID in userIDs where results[userID] == nil {
            do throws(ServiceError) {
                results[userID] = .success(try await methods(of: userID))
            } catch {
                results[userID] = .failure(error)
            }
        }
        return results
    }
}
