import AuthdeskCore

/// A tenant of `count` generated users that pages as Graph does: a first page of `pageSize`
/// users, then a cursor to the next page, until the list is complete. A search keeps the users
/// whose name or principal name contains the text (case-insensitive), in the same pages.
///
/// Names come from several scripts (Latin with accents, Greek, Cyrillic, CJK, Arabic), so the
/// renderer measures wide and combining characters as it would on a real tenant.
struct FakeDirectory {
    let count: Int
    let pageSize: Int

    private static let given = ["Avery", "Zoë", "Søren", "Ángel", "Chloé", "Jürgen", "Ольга", "Γιώργος", "健二", "美咲",
                                "Fatima", "Noa", "Łukasz", "Priya", "Mateo", "Ingrid"]
    private static let family = ["Howard", "Lindqvist", "Kjærgaard", "Núñez", "Dubois", "Müller", "Смирнова", "Παπαδόπουλος",
                                 "田中", "佐藤", "السيد", "Levi", "Wójcik", "Raman", "García", "Berg"]

    /// User `index`, made afresh on every call: the list then owns its strings, as it owns the
    /// ones it decodes from Graph's JSON, and the directory itself holds no memory.
    func user(at index: Int) -> DirectoryUser {
        let first = Self.given[index % Self.given.count]
        let last = Self.family[(index / Self.given.count) % Self.family.count]
        let login = "user\(index)"
        return DirectoryUser(
            id: "00000000-0000-4000-8000-\(String(index, radix: 16).leftPadded(to: 12))",
            displayName: "\(first) \(last) \(index)", principalName: "\(login)@contoso.onmicrosoft.com",
            mail: "\(login)@contoso.com", jobTitle: "Engineer", department: "Operations", accountEnabled: true)
    }

    /// The first page of the users matching `query` (everyone when it is empty).
    func search(_ query: String) -> UserPage {
        page(query, from: 0)
    }

    /// The page a cursor from ``search(_:)`` or an earlier page points at.
    func next(_ cursor: PageCursor) -> UserPage {
        let parts = cursor.value.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]) else { return UserPage(users: []) }
        return page(String(parts[1]), from: start)
    }

    private func page(_ query: String, from start: Int) -> UserPage {
        let term = query.lowercased()
        var found: [DirectoryUser] = []
        var index = start
        while index < count, found.count < pageSize {
            let user = user(at: index)
            if term.isEmpty || user.displayName.lowercased().contains(term) || user.principalName.contains(term) {
                found.append(user)
            }
            index += 1
        }
        let next = index < count ? PageCursor("\(index)|\(query)") : nil
        return UserPage(users: found, next: next)
    }

    /// A user's methods, the same few for everyone (the methods pane has something to draw).
    func methods(of userID: String) -> [AuthMethod] {
        [
            .phone(PhoneMethod(id: "3179e48a-750b-4051-897c-87b9720928f7", phoneNumber: "+1 2065550123", phoneType: .mobile)),
            .email(EmailMethod(id: "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", emailAddress: "\(userID.suffix(6))@example.com")),
            .microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "6e1a5b2c-0d4e-4f6a-9b8c-7d6e5f4a3b2c")),
        ]
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
