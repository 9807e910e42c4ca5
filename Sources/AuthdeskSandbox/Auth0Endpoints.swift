import Foundation

/// Auth0: `POST /oauth/token` and the Management API under `/api/v2`.
enum Auth0Endpoints {
    static func error(_ status: Int, _ error: String, _ message: String, code: String? = nil) -> HTTPReply {
        var body = JSON.obj(["statusCode": .int(status), "error": .string(error), "message": .string(message)])
        if let code { body.set("errorCode", .string(code)) }
        return .json(status, body)
    }

    static func token(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        error(501, "Not Implemented", "The sandbox's Auth0 token endpoint is not implemented yet.")
    }

    static func handle(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        error(501, "Not Implemented", "The sandbox's Auth0 Management API is not implemented yet.")
    }
}
