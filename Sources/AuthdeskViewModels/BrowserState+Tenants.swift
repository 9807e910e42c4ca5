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

    mutating func openTenantPicker() -> [BrowserEffect] {
        input = nil
        tenancy.openPicker()
        return []
    }

    /// Asks to open tenant `name`; an unknown name changes nothing and says which are valid.
    mutating func switchTenant(to name: String) -> [BrowserEffect] {
        guard tenancy.all.contains(where: { $0.name == name }) else {
            let valid = tenancy.all.map(\.name).joined(separator: ", ")
            return showFlash(.error, "Unknown tenant '\(name)' (tenants: \(valid))")
        }
        if name == tenancy.current.name {
            if tenancy.switchingTo != nil {
                tenancy.switchingTo = nil
                tenancy.generation += 1
            }
            return showFlash(.info, "Already in \(name)")
        }
        tenancy.generation += 1
        tenancy.switchingTo = name
        // No expiry: it stays until the switch answers (a sign-in may take a while).
        _ = showFlash(.info, (tenancy.isSignedIn(name) ? "Opening " : "Signing in to ") + name + "\u{2026}")
        return [.openTenant(name: name, generation: tenancy.generation)]
    }

    /// A sign-in waits for the operator: the device-code message, kept until the next message.
    mutating func showSignInNotice(_ text: String) -> [BrowserEffect] {
        _ = showFlash(.info, text)
        return []
    }

    mutating func tenantOpened(_ result: Result<TenantOpening, ServiceError>) -> [BrowserEffect] {
        let name = tenancy.switchingTo ?? ""
        tenancy.switchingTo = nil
        switch result {
        case .failure(let error):
            return showFlash(.error, "Could not open tenant \(name); still in \(tenancy.current.name): \(error)")
        case .success(let opening):
            let tenant = opening.tenant
            tenancy.current = tenant
            tenancy.signedIn.insert(tenant.name)
            capabilities = opening.capabilities
            readOnly = sessionReadOnly || tenant.readOnly
            keyMap = Self.filteredKeyMap(baseKeyMap, capabilities: opening.capabilities, readOnly: readOnly)
            operatorProfile = nil
            input = nil
            focus = .users
            list.clear()
            methodsPane.clear()
            accountPane.account = .none
            accountPane.generation += 1
            methodsPane.selected = 0
            methodsPane.top = 0
            let effects = [list.startSearch(debounce: false)]
            let mode = readOnly ? ", read-only" : ""
            return effects + showFlash(
                .info, "Now in \(tenant.name) (\(tenant.provider.displayName), \(tenant.domain)\(mode))")
        }
    }
}
