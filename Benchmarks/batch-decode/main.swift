import Foundation

// The CPU one Graph `$batch` answer of 20 method lists costs to read, release build (-O): as the
// providers read it before issue 14's byte scanner (JSONSerialization, each inner body written
// back to bytes, then JSONValue through JSONDecoder) and as they read it now
// (GraphBatchEnvelope's byte ranges, JSONScanner). Compiled with the providers' own files by
// `run.sh`; engine-level figures (one batch, no network).

// A Graph $batch answer of 20 method lists, as the sandbox writes them (three methods a user).
func answer() -> Data {
    var items: [String] = []
    for i in 0..<20 {
        let methods = (0..<3).map { m in
            ##"{"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"3179e48a-750b-4051-897c-87b9720928f\##(m)","phoneNumber":"+1 4155550\##(i)\##(m)","phoneType":"mobile","smsSignInState":"notAllowedByPolicy"}"##
        }.joined(separator: ",")
        items.append(##"{"id":"m\##(i)","status":200,"headers":{"Content-Type":"application/json","request-id":"1ec2c34e-e04c-4357-b6a1-\##(i)"},"body":{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('u\##(i)')/authentication/methods","value":[\##(methods)]}}"##)
    }
    return Data(#"{"responses":[\#(items.joined(separator: ","))]}"#.utf8)
}

let data = answer()
let rounds = 2000
var sink = 0

func old() {
    let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    for item in json["responses"] as! [[String: Any]] {
        let body = try! JSONSerialization.data(withJSONObject: item["body"]!, options: [.fragmentsAllowed])
        let value = try! JSONDecoder().decode(JSONValue.self, from: body)
        sink &+= value["value"]?.array?.count ?? 0
    }
}

func new() {
    for item in try! GraphBatchEnvelope.items(in: data)! {
        let value = JSONValue.parse(item.body)!
        sink &+= value["value"]?.array?.count ?? 0
    }
}

for (name, work) in [("JSONSerialization, body written again, JSONDecoder", old), ("byte scan, body as written, JSONScanner", new)] {
    work()
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start)
    for _ in 0..<rounds { work() }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end)
    let micros = Double(end.tv_sec - start.tv_sec) * 1e6 + Double(end.tv_nsec - start.tv_nsec) / 1e3
    print("\(name): \(String(format: "%.1f", micros / Double(rounds))) µs of CPU per 20-answer batch (\(data.count) bytes)")
}
print("(checksum \(sink))")
