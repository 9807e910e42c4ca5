import Foundation

/// Graph's `/users` query options: `$filter` (startswith, eq; or/and), `$search`
/// ("property:term" clauses joined by OR/AND), `$select`, `$top`, `$count`, `$orderby`, and the
/// skip token that carries them to the next page.
struct UserQuery: Sendable, Equatable {
    var filter: String?
    var search: String?
    var select: [String]?
    var top: Int = 100
    var count = false
    var orderBy: String?
    var offset = 0

    /// A refusal: status, Graph error code and a message saying what is valid.
    struct Refusal: Error {
        var status: Int
        var code: String
        var message: String
    }

    /// Reads the query options of a request, or of the skip token it carries.
    static func from(_ request: IncomingRequest) throws(Refusal) -> UserQuery {
        if let token = request.queryValue("$skiptoken") {
            guard let json = Base64URL.decodeJSON(token), let offset = json["offset"]?.intValue else {
                throw Refusal(status: 400, code: "Request_BadRequest", message: "The skip token is not valid: follow @odata.nextLink as given.")
            }
            var query = UserQuery()
            query.filter = json["filter"]?.stringValue
            query.search = json["search"]?.stringValue
            query.select = json["select"]?.arrayValue?.compactMap(\.stringValue)
            query.top = json["top"]?.intValue ?? 100
            query.count = json["count"]?.boolValue ?? false
            query.orderBy = json["orderby"]?.stringValue
            query.offset = offset
            return query
        }
        var query = UserQuery()
        for (name, value) in request.query {
            switch name.lowercased() {
            case "$filter": query.filter = value
            case "$search": query.search = value
            case "$select":
                let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for property in names where !UserRecord.selectableProperties.contains(property.lowercased()) {
                    throw Refusal(status: 400, code: "Request_BadRequest",
                                  message: "Could not find a property named '\(property)' on type 'microsoft.graph.user'.")
                }
                query.select = names
            case "$top":
                guard let top = Int(value), (1...999).contains(top) else {
                    throw Refusal(status: 400, code: "Request_BadRequest",
                                  message: "Invalid page size specified: '\(value)'. Must be between 1 and 999 inclusive.")
                }
                query.top = top
            case "$count":
                guard ["true", "false"].contains(value.lowercased()) else {
                    throw Refusal(status: 400, code: "Request_BadRequest", message: "Invalid value '\(value)' for $count: use true or false.")
                }
                query.count = value.lowercased() == "true"
            case "$orderby":
                let field = value.split(separator: " ").first.map(String.init)?.lowercased() ?? ""
                guard ["displayname", "userprincipalname"].contains(field) else {
                    throw Refusal(status: 400, code: "Request_UnsupportedQuery",
                                  message: "Sorting by '\(value)' is not supported: use displayName or userPrincipalName.")
                }
                query.orderBy = value
            case "$skip":
                throw Refusal(status: 400, code: "Request_BadRequest",
                              message: "'$skip' is not supported by the service: page by following @odata.nextLink.")
            case "$expand", "$format", "$apply":
                throw Refusal(status: 400, code: "Request_BadRequest", message: "Query option '\(name)' is not supported on /users by the sandbox.")
            default:
                continue
            }
        }
        return query
    }

    /// The skip token of the page that starts at `offset`.
    func skipToken(offset: Int) -> String {
        var members: [JSON.Member] = [JSON.Member(key: "offset", value: .int(offset)),
                                      JSON.Member(key: "top", value: .int(top)),
                                      JSON.Member(key: "count", value: .bool(count))]
        if let filter { members.append(JSON.Member(key: "filter", value: .string(filter))) }
        if let search { members.append(JSON.Member(key: "search", value: .string(search))) }
        if let select { members.append(JSON.Member(key: "select", value: .array(select.map { .string($0) }))) }
        if let orderBy { members.append(JSON.Member(key: "orderby", value: .string(orderBy))) }
        return Base64URL.encode(JSON.object(members).data)
    }

    /// Refuses what Graph serves only as an advanced query (`endsWith`, `ne`, `not`, `$filter`
    /// with `$orderby`) when the request lacks `$count=true` and `ConsistencyLevel: eventual`.
    func checkAdvanced(eventual: Bool) throws(Refusal) {
        guard !(eventual && count) else { return }
        if let filter, let op = try UserFilter.parse(filter).advancedOperator {
            throw Refusal(status: 400, code: "Request_UnsupportedQuery",
                          message: "Operator '\(op)' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information")
        }
        if filter != nil, orderBy != nil {
            throw Refusal(status: 400, code: "Request_UnsupportedQuery",
                          message: "Sorting not supported for current query: $filter with $orderby needs $count=true and the header ConsistencyLevel: eventual.")
        }
    }

    /// The users this query selects, in order (before paging).
    func apply(to users: [UserRecord]) throws(Refusal) -> [UserRecord] {
        var result = users
        if let filter {
            let predicate = try UserFilter.parse(filter)
            result = result.filter { predicate.matches($0) }
        }
        if let search {
            let predicate = try UserSearch.parse(search)
            result = result.filter { predicate.matches($0) }
        }
        if let orderBy {
            let parts = orderBy.split(separator: " ")
            let descending = parts.count > 1 && parts[1].lowercased() == "desc"
            let byUPN = parts.first?.lowercased() == "userprincipalname"
            result.sort { a, b in
                let left = byUPN ? a.userPrincipalName : a.displayName
                let right = byUPN ? b.userPrincipalName : b.displayName
                let order = left.localizedStandardCompare(right)
                return descending ? order == .orderedDescending : order == .orderedAscending
            }
        }
        return result
    }
}
