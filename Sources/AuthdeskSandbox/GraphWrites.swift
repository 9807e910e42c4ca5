import Foundation

/// Graph's write endpoints on authentication methods, password reset and sessions.
enum GraphWrites {
    static func notYet(_ context: GraphContext) -> HTTPReply {
        context.error(501, "NotImplemented", "This write is not implemented by the sandbox yet.")
    }

    static func revokeSessions(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func resetPassword(_ context: GraphContext, target: GraphTarget, methodId: String, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func patchSignInPreferences(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func create(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func update(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func delete(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }

    static func action(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, action: String, state: inout SandboxState) -> HTTPReply {
        notYet(context)
    }
}
