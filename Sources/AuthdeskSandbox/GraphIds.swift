/// The fixed ids Graph gives some methods across every tenant.
enum GraphIds {
    static let passwordMethod = "28c10230-6103-485e-b985-444c60001490"
    static let mobile = "3179e48a-750b-4051-897c-87b9720928f7"
    static let alternateMobile = "b6332ec1-7057-4abe-9331-3d72feddfe41"
    static let office = "e37fc753-ff3b-4958-9484-eaa9425c82bc"
    static let email = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"

    /// The fixed id of a phone type, or nil for an unknown type.
    static func phone(_ type: String) -> String? {
        switch type {
        case "mobile": mobile
        case "alternateMobile": alternateMobile
        case "office": office
        default: nil
        }
    }
}
