/// Where a provider reports the load its answers tell (``LoadObservers``): Graph and Auth0
/// report every answer; other providers (fakes, wrappers that do not forward) report none.
extension IdentityProvider {
    public var loadObservers: LoadObservers? { nil }
}

extension GraphProvider {
    public var loadObservers: LoadObservers? { client.load }
}

extension Auth0Provider {
    public var loadObservers: LoadObservers? { client.load }
}
