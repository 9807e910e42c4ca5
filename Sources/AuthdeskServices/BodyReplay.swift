import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The delegate of ``URLSessionLoader``'s session: hands a request's body out again when libcurl
/// sends the request a second time by itself (a kept-alive connection closed before any
/// answer). Foundation on Linux rewinds a body only through its session delegate, and only a
/// stream body; a `Data` body was not sent again and the request waited for its time-out with
/// its head alone, and a per-task delegate is not asked. Each body is known by its stream.
final class BodyReplay: NSObject, URLSessionTaskDelegate, Sendable {
    private let bodies = Mutex<[ObjectIdentifier: Data]>([:])

    /// A stream of `body` for a request, known until ``forget(_:)``.
    func stream(of body: Data) -> InputStream {
        let stream = InputStream(data: body)
        bodies.withLock { $0[ObjectIdentifier(stream)] = body }
        return stream
    }

    /// The request of `stream` has ended.
    func forget(_ stream: InputStream) {
        _ = bodies.withLock { $0.removeValue(forKey: ObjectIdentifier(stream)) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, needNewBodyStream completionHandler: @escaping @Sendable (InputStream?) -> Void
    ) {
        let body = task.originalRequest?.httpBodyStream.flatMap { stream in
            bodies.withLock { $0[ObjectIdentifier(stream)] }
        }
        completionHandler(body.map { InputStream(data: $0) })
    }
}
