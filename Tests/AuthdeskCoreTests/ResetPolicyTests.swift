import AuthdeskCore
import Testing

@Suite struct ResetPolicyTests {
    typealias M = MethodSamples

    @Test func portalRemovesWhatTheEntraPortalRemoves() {
        let policy = ResetPolicy.portal
        for method in [M.mobile, M.alternateMobile, M.office, M.authenticator, M.softwareOath] {
            #expect(policy.treatment(of: method) == .remove(.delete), "\(method.title)")
        }
        #expect(policy.treatment(of: M.hardwareActive) == .remove(.deactivate))
        #expect(policy.treatment(of: M.hardwareNoStatus) == .remove(.deactivate))
        #expect(policy.treatment(of: M.hardwareAssigned) == .keep(.alreadyInactive))
        for method in [M.email, M.fido2, M.tap, M.hello, M.platform] {
            #expect(policy.treatment(of: method) == .keep(.keptByPolicy), "\(method.title)")
        }
        #expect(policy.treatment(of: M.password) == .keep(.password))
        #expect(policy.treatment(of: M.unknown) == .keep(.unknownType))
    }

    @Test func portalOnAuth0RemovesTheMFAFactors() {
        let policy = ResetPolicy.portal
        for type in ["phone", "totp", "push", "guardian", "recovery-code"] {
            #expect(policy.treatment(of: M.auth0(type)) == .remove(.delete), "\(type)")
        }
        for type in ["email", "email-verification", "webauthn-roaming", "webauthn-platform", "passkey"] {
            #expect(policy.treatment(of: M.auth0(type)) == .keep(.keptByPolicy), "\(type)")
        }
        #expect(policy.treatment(of: M.auth0("password")) == .keep(.password))
        #expect(policy.treatment(of: M.auth0("something-new")) == .keep(.unknownType))
    }

    @Test func allRemovesEveryMethodButThePasswordAndUnknownTypes() {
        for method in MethodSamples.pool {
            let treatment = ResetPolicy.all.treatment(of: method)
            switch method.kind {
            case .password, .auth0Password: #expect(treatment == .keep(.password))
            case .unknown: #expect(treatment == .keep(.unknownType))
            default: #expect(treatment == .remove(.delete), "\(method.title)")
            }
        }
    }

    @Test func parsingAcceptsBothNamesAndExplainsTheValidOnes() throws {
        #expect(try ResetPolicy(parsing: "portal") == .portal)
        #expect(try ResetPolicy(parsing: " ALL ") == .all)
        let error = #expect(throws: ValidationError.self) { try ResetPolicy(parsing: "everything") }
        #expect(error?.field == "policy")
        #expect(error?.message.contains("portal") == true)
        #expect(error?.message.contains("all") == true)
    }
}
