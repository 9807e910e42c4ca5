import AuthdeskAudit
import AuthdeskServices

extension ChangeRequest {
    /// The requests this change would send through `provider`, secrets masked: its real provider
    /// code runs with every write recorded instead of sent (reads still go). Nothing is sent and
    /// nothing journalled: the console's "show the requests" before its confirm button.
    public func preview(through provider: any IdentityProvider) async throws(ServiceError) -> [PlannedRequest] {
        let base = (provider as? AuditedProvider)?.base ?? provider
        let recorder = DryRunRecorder()
        let failure: ServiceError? = await DryRunRecorder.$current.withValue(recorder) {
            do throws(ServiceError) {
                _ = try await send(to: base)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        return recorder.all
    }
}
