/// A user's writes in order: one request each by default, stopping at the first failure (the
/// writes after it fail as dependants do in a chain, with 424, and are not sent).
extension IdentityProvider {
    public var writeChainLimit: Int { 1 }

    public func writeInOrder(_ writes: [MethodWrite], of userID: String) async -> [Result<WriteReceipt, ServiceError>] {
        var results: [Result<WriteReceipt, ServiceError>] = []
        for write in writes {
            if case .failure? = results.last {
                results.append(.failure(ServiceError.failedDependency))
                continue
            }
            do throws(ServiceError) {
                results.append(.success(try await perform(write, of: userID)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Sends one write on its own.
    public func perform(_ write: MethodWrite, of userID: String) async throws(ServiceError) -> WriteReceipt {
        switch write {
        case .delete(let method): try await deleteMethod(method, of: userID)
        case .deactivateHardwareOath(let methodID): try await deactivateHardwareOath(methodID, of: userID)
        case .setDefault(let method): try await setDefaultMethod(of: userID, to: method)
        }
    }
}

extension ServiceError {
    /// A write not done because the one before it in its chain failed (Graph's 424).
    public static var failedDependency: ServiceError {
        ServiceError(
            kind: .badInput, status: 424, code: "failedDependency",
            message: "Not done: the write before it in this user's chain failed")
    }
}
