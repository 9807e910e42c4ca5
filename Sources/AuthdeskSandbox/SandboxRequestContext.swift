import Hummingbird
import NIOCore

/// The request context of the sandbox's server: Hummingbird's core storage plus the channel,
/// which fault injection closes to drop a connection.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
