import AuthdeskServices
import AuthdeskWorkflows

extension BrowserState {
    /// ctrl-r in a dialog: builds the requests its change would send (nothing is sent), if its
    /// input is valid; else shows what is wrong, as confirm would.
    mutating func previewRequests() -> [BrowserEffect] {
        guard var dialog else { return [] }
        guard let request = dialog.request() else {
            dialog.showsProblems = true
            self.dialog = dialog
            return []
        }
        dialog.requests = .building
        self.dialog = dialog
        return [.previewRequests(request, dialogID: dialog.id)]
    }

    /// The requests of dialog `dialogID` were built (or not).
    mutating func requestsPreviewed(_ dialogID: Int, _ result: Result<[PlannedRequest], ServiceError>) -> [BrowserEffect] {
        guard var dialog, dialog.id == dialogID else { return [] }
        switch result {
        case .success(let requests): dialog.requests = .built(requests)
        case .failure(let error): dialog.requests = .failed(error.description)
        }
        self.dialog = dialog
        return []
    }
}
