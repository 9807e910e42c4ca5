import AuthdeskCore
import AuthdeskServices

/// Switching tenant: `:tenant NAME` and the picker. The tenant, its capabilities, the read-only
/// flag and the key map change here only, and only once the new tenant is signed in: a failed
/// sign-in leaves the current tenant in place.
extension BrowserState {
    /// The key table for a tenant: `base` without what the provider does not offer, and without
    /// every destructive binding when the tenant is read-only.
    static func filteredKeyMap(_ base: KeyMap, capabilities: Set<ProviderAction>, readOnly: Bool) -> KeyMap {
        let offered = base.available(to: capabilities)
        return readOnly ? offered.readOnly() : offered
    }

    /// Whether tenant `name` has been signed in during this session.
    public func isSignedIn(_ name: String) -> Bool {
        signedInTenants.contains(name)
    }

    mutating func openTenantPicker() -> [BrowserEffect] {
        input = nil
        tenantPicker = TenantPicker(selected: tenants.firstIndex { $0.name == (switchingTo ?? tenant.name) } ?? 0)
        return []
    }

    mutating func performInTenantPicker(_ action: BrowserAction) -> [BrowserEffect] {
        guard var picker = tenantPicker else { return [] }
        let last = max(0, tenants.count - 1)
        switch action {
        case .moveDown: picker.selected = min(picker.selected + 1, last)
        case .moveUp: picker.selected = max(picker.selected - 1, 0)
        case .top: picker.selected = 0
        case .bottom: picker.selected = last
        case .accept:
            tenantPicker = nil
            guard tenants.indices.contains(picker.selected) else { return [] }
            return switchTenant(to: tenants[picker.selected].name)
        case .cancel:
            tenantPicker = nil
            return []
        default:
            return []
        }
        tenantPicker = picker
        return []
    }

    /// Asks to open tenant `name`; an unknown name changes nothing and says which are valid.
    mutating func switchTenant(to name: String) -> [BrowserEffect] {
        guard tenants.contains(where: { $0.name == name }) else {
            let valid = tenants.map(\.name).joined(separator: ", ")
            return showFlash(.error, "Unknown tenant '\(name)' (tenants: \(valid))")
        }
        if name == tenant.name {
            if switchingTo != nil {
                switchingTo = nil
                tenantGeneration += 1
            }
            return showFlash(.info, "Already in \(name)")
        }
        tenantGeneration += 1
        switchingTo = name
        // No expiry: it stays until the switch answers (a sign-in may take a while).
        _ = showFlash(.info, (isSignedIn(name) ? "Opening " : "Signing in to ") + name + "\u{2026}")
        return [.openTenant(name: name, generation: tenantGeneration)]
    }

    /// A sign-in waits for the operator: the device-code message, kept until the next message.
    mutating func showSignInNotice(_ text: String) -> [BrowserEffect] {
        _ = showFlash(.info, text)
        return []
    }

    mutating func tenantOpened(_ result: Result<TenantOpening, ServiceError>) -> [BrowserEffect] {
        let name = switchingTo ?? ""
        switchingTo = nil
        switch result {
        case .failure(let error):
            return showFlash(.error, "Could not open tenant \(name); still in \(tenant.name): \(error)")
        case .success(let opening):
            tenant = opening.tenant
            capabilities = opening.capabilities
            readOnly = sessionReadOnly || opening.tenant.readOnly
            keyMap = Self.filteredKeyMap(baseKeyMap, capabilities: opening.capabilities, readOnly: readOnly)
            signedInTenants.insert(opening.tenant.name)
            operatorProfile = nil
            query = ""
            input = nil
            focus = .users
            users = []
            nextCursor = nil
            isLoadingMore = false
            selectedUser = 0
            usersTop = 0
            methods = .none
            methodsGeneration += 1
            selectedMethod = 0
            methodsTop = 0
            let effects = startSearch(debounce: false)
            let mode = readOnly ? ", read-only" : ""
            return effects + showFlash(
                .info, "Now in \(tenant.name) (\(tenant.provider.displayName), \(tenant.domain)\(mode))")
        }
    }
}
