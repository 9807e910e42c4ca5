import AsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// async-http-client's failures as the `URLError` codes URLSession gives for the same event, so
/// that ``HTTPTransport`` and ``RetryPolicy`` decide retries, "never sent" and their messages the
/// same way whichever client carried the request.
enum AsyncHTTPClientErrors {
    static func urlError(_ error: any Error) -> any Error {
        if error is CancellationError || error is URLError { return error }
        guard let code = code(of: error) else { return error }
        return URLError(code, userInfo: [NSUnderlyingErrorKey: error])
    }

    static func code(of error: any Error) -> URLError.Code? {
        switch error {
        case let error as HTTPClientError:
            return code(of: error)
        case let error as IOError:
            return code(errno: error.errnoCode)
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .cannotFindHost
            }
            let refused = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            return refused.contains(ECONNREFUSED) || !error.connectionErrors.isEmpty ? .cannotConnectToHost : .cannotFindHost
        case is SocketAddressError:
            return .cannotFindHost
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .timedOut
            case .ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed, .inputClosed: return .networkConnectionLost
            default: return nil
            }
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .secureConnectionFailed
        case is HTTPParserError:
            return .badServerResponse
        case is NIOTooManyBytesError:
            return .dataLengthExceedsMaximum
        default:
            return nil
        }
    }

    static func code(of error: HTTPClientError) -> URLError.Code? {
        switch error {
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
             .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
            return .timedOut
        case .remoteConnectionClosed, .uncleanShutdown:
            return .networkConnectionLost
        case .cancelled:
            return .cancelled
        case .invalidURL, .emptyHost, .emptyScheme:
            return .badURL
        case .redirectLimitReached, .redirectCycleDetected:
            return .httpTooManyRedirects
        case .invalidProxyResponse, .proxyAuthenticationRequired:
            return .cannotConnectToHost
        default:
            return nil
        }
    }

    static func code(errno: Int32) -> URLError.Code? {
        switch errno {
        case ECONNREFUSED: return .cannotConnectToHost
        case ECONNRESET, EPIPE, ECONNABORTED: return .networkConnectionLost
        case ETIMEDOUT: return .timedOut
        case ENETUNREACH, EHOSTUNREACH: return .notConnectedToInternet
        default: return nil
        }
    }
}
