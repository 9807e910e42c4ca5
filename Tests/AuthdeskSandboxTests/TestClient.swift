import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import AuthdeskSandbox

/// A plain URLSession client for the sandbox's tests: sends real HTTP and reads answers with
/// JSONSerialization (not the sandbox's own JSON code), so a mistake cannot agree with itself.
struct TestClient {
    let info: SandboxInfo
    let session: URLSession

    init(_ sandbox: Sandbox) {
        self.info = sandbox.info
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        self.session = URLSession(configuration: configuration)
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data

        /// The body as a JSON object (empty when it is not one).
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        /// `value` of a Graph list.
        var values: [[String: Any]] {
            object["value"] as? [[String: Any]] ?? []
        }

        /// The body as a JSON array.
        var array: [[String: Any]] {
            (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? []
        }

        var errorCode: String? {
            (object["error"] as? [String: Any])?["code"] as? String
        }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    enum Body {
        case form([String: String])
        case json(String)
    }

    func send(_ method: String, _ url: URL, token: String? = nil, headers: [String: String] = [:], body: Body? = nil) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        switch body {
        case .form(let fields):
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let text = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
                .joined(separator: "&")
            request.httpBody = Data(text.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        case .json(let text):
            request.httpBody = Data(text.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        case nil:
            break
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key] = value }
        }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    /// A URL under the sandbox: `path` may carry a query already (as a next link does).
    func url(_ path: String, query: [String: String] = [:]) -> URL {
        var components = URLComponents(string: path.hasPrefix("http") ? path : info.authority + path)
        if !query.isEmpty {
            let existing = components?.queryItems ?? []
            components?.queryItems = existing + query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        }
        return components?.url ?? URL(fileURLWithPath: "/")
    }

    func get(_ path: String, token: String?, query: [String: String] = [:], headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", url(path, query: query), token: token, headers: headers)
    }

    /// A client-credentials token of the tenant named `name`.
    func appToken(_ name: String = "contoso") async throws -> String {
        guard let tenant = info.tenant(named: name) else { throw URLError(.badURL) }
        let answer = try await send("POST", url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "client_secret": tenant.clientSecret,
            "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
        ]))
        guard let token = answer.object["access_token"] as? String else { throw URLError(.userAuthenticationRequired) }
        return token
    }

    /// A delegated token of the tenant's operator, through the device-code flow.
    func operatorToken(_ name: String = "contoso") async throws -> String {
        guard let tenant = info.tenant(named: name) else { throw URLError(.badURL) }
        let start = try await send("POST", url("/\(tenant.domain)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default offline_access",
        ]))
        guard let code = start.object["device_code"] as? String, let interval = start.object["interval"] as? Int else {
            throw URLError(.badServerResponse)
        }
        for _ in 0..<60 {
            try await Task.sleep(for: .seconds(interval))
            let answer = try await send("POST", url("/\(tenant.domain)/oauth2/v2.0/token"), body: .form([
                "client_id": tenant.clientId, "device_code": code,
                "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            ]))
            if let token = answer.object["access_token"] as? String { return token }
            guard answer.object["error"] as? String == "authorization_pending" else { throw URLError(.userAuthenticationRequired) }
        }
        throw URLError(.timedOut)
    }
}
