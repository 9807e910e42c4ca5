extension SeedLoader {
    /// The most Entra tenants a sandbox serves (`--tenants`).
    static let maxEntraTenants = 100

    /// The seed's Entra tenants, then generated ones up to `count` in all: `tenant03`,
    /// `tenant04`... (domain `tenant03.example.com`), each with the seed's first tenant's
    /// licence and certificates, its own ids and client secret (the same for the same `seed`),
    /// and its operator `helpdesk@DOMAIN` as the seed's first tenant's operator is. Fewer than
    /// the seed's: the first `count`.
    static func entraSeeds(count: Int, seed: UInt64) throws -> (tenants: [JSON], names: JSON) {
        let (tenants, names) = try entraSeeds()
        guard count > tenants.count, var template = tenants.first else { return (Array(tenants.prefix(max(1, count))), names) }
        let operatorSeed = template["users"]?.arrayValue?.first { $0["userPrincipalName"]?.stringValue == template["operator"]?.stringValue }
        var generated = tenants
        var random = SplitMix64(seed: seed ^ 0x7E4A_47)
        for number in (tenants.count + 1)...count {
            let name = "tenant" + (number < 10 ? "0\(number)" : "\(number)")
            let domain = "\(name).example.com"
            template.set("name", .string(name))
            template.set("id", .string(random.guid()))
            template.set("domain", .string(domain))
            template.set("clientId", .string(random.guid()))
            template.set("clientSecret", .string("sbx9Q~\(name).\(random.guid().replacingOccurrences(of: "-", with: ""))"))
            template.set("operator", .string("helpdesk@\(domain)"))
            if var helpdesk = operatorSeed {
                helpdesk.set("id", .string(random.guid()))
                helpdesk.set("userPrincipalName", .string("helpdesk@\(domain)"))
                helpdesk.set("mail", .string("helpdesk@\(domain)"))
                template.set("users", .array([helpdesk]))
            } else {
                template.set("users", .array([]))
            }
            generated.append(template)
        }
        return (generated, names)
    }
}
