import Foundation

/// Graph's JSON batching: `POST /$batch` with up to 20 requests.
enum GraphBatch {
    static func handle(_ context: GraphContext, state: inout SandboxState) -> HTTPReply {
        context.error(501, "NotImplemented", "$batch is not implemented by the sandbox yet.")
    }
}
