import Foundation

/// Graph's error answers: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
enum GraphError {
    static func reply(_ status: Int, code: String, message: String, request: IncomingRequest, requestId: String,
                      headers: [(name: String, value: String)] = []) -> HTTPReply {
        let body = JSON.obj([
            "error": .obj([
                "code": .string(code),
                "message": .string(message),
                "innerError": .obj([
                    "date": .string(Timestamps.iso(Date())),
                    "request-id": .string(requestId),
                    "client-request-id": .string(request.header("client-request-id") ?? requestId),
                ]),
            ]),
        ])
        return .json(status, body, headers: headers)
    }
}
