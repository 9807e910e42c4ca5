import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels

/// Users with phones for the bulk screen's tests.
enum BulkFixtures {
    static let avery = DirectoryUser(id: "u-avery", displayName: "Avery Howard", principalName: "avery@contoso.com")
    static let cameron = DirectoryUser(id: "u-cameron", displayName: "Cameron White", principalName: "cameron@contoso.com")
    static let dana = DirectoryUser(id: "u-dana", displayName: "Dana Ito", principalName: "dana@fabrikam.com")

    static let mobile = PhoneType.mobile.methodID
    static let alternate = PhoneType.alternateMobile.methodID
    static let office = PhoneType.office.methodID

    static let averyMethods: [AuthMethod] = [
        .password(PasswordMethod()),
        .phone(PhoneMethod(id: mobile, phoneNumber: "+1 2065550100", phoneType: .mobile)),
        .phone(PhoneMethod(id: alternate, phoneNumber: "+1 2065550101", phoneType: .alternateMobile)),
        .phone(PhoneMethod(id: office, phoneNumber: "+1 2065550102", phoneType: .office)),
        .email(EmailMethod(id: "em-avery", emailAddress: "avery@example.org")),
    ]
    static let cameronMethods: [AuthMethod] = [
        .password(PasswordMethod()),
        .phone(PhoneMethod(id: mobile, phoneNumber: "+1 2065550200", phoneType: .mobile)),
    ]
    static let danaMethods: [AuthMethod] = [
        .phone(PhoneMethod(id: mobile, phoneNumber: "+1 2065550300", phoneType: .mobile)),
    ]

    static func contoso() -> FakeRemover {
        FakeRemover(methods: [avery.id: averyMethods, cameron.id: cameronMethods], defaults: [avery.id: mobile])
    }

    static func fabrikam() -> FakeRemover {
        FakeRemover(methods: [dana.id: danaMethods])
    }

    static let entries = [
        Marks.Entry(tenant: "contoso", user: avery), Marks.Entry(tenant: "contoso", user: cameron),
    ]
}
