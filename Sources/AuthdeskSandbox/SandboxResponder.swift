import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Turns Hummingbird requests into the sandbox's `IncomingRequest`, injects faults and latency,
/// routes, counts, and writes the answer.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let store: SandboxStore

    /// Thrown after closing a connection on purpose, so that nothing is written on it.
    struct DroppedConnection: Error {}

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 4 * 1024 * 1024)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        var incoming = IncomingRequest(method: request.method.rawValue, path: request.uri.path,
                                       query: request.uri.query, headers: headers, body: Data(buffer: body))
        // Parsing and writing JSON happen outside the store's lock: it is held to read and
        // change the state only.
        incoming.parseJSONBody()
        let latencyMs = store.withState { $0.options.latencyMs }
        if latencyMs > 0 {
            try await Task.sleep(for: .milliseconds(latencyMs))
        }
        let reply = store.withState { state in
            SandboxRouter.answer(incoming, state: &state, now: state.options.now())
        }
        if reply.dropConnection {
            try? await context.channel.close()
            throw DroppedConnection()
        }
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) {
                fields.append(HTTPField(name: field, value: value))
            }
        }
        let bytes = reply.body
        fields[.contentLength] = String(bytes.count)
        return Response(status: HTTPResponse.Status(code: reply.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
