import AuthdeskCore
import Testing

@Suite struct ResetPlanTests {
    typealias M = MethodSamples

    @Test func portalPlanForAUserWithEveryGraphMethod() {
        let plan = ResetPlan(methods: M.graphAll, policy: .portal)
        #expect(plan.steps.map(\.methodID) == [
            "hw-1", "hw-3", "so-1", "ma-1", "ma-2",
            PhoneType.office.methodID, PhoneType.alternateMobile.methodID, PhoneType.mobile.methodID,
        ])
        #expect(plan.steps.map(\.action) == [.deactivate, .deactivate] + Array(repeating: .delete, count: 6))
        let reasons = Dictionary(uniqueKeysWithValues: plan.kept.map { ($0.methodID, $0.reason) })
        #expect(reasons == [
            M.password.id: .password, M.email.id: .keptByPolicy, "fido-1": .keptByPolicy, "hw-2": .alreadyInactive,
            "tap-1": .keptByPolicy, "whfb-1": .keptByPolicy, "pc-1": .keptByPolicy, "qr-1": .unknownType,
        ])
        #expect(plan.flagged.map(\.methodID) == ["qr-1"])
        #expect(plan.notes == [.unknownMethodsKept(count: 1)])
    }

    @Test func allPlanDeletesEverythingButPasswordInTheDocumentedOrder() {
        let plan = ResetPlan(methods: M.graphAll.reversed(), policy: .all)
        #expect(plan.steps.map(\.methodID) == [
            "hw-1", "hw-2", "hw-3", "so-1", "ma-1", "ma-2", "fido-1", "whfb-1", "pc-1", "tap-1", M.email.id,
            PhoneType.office.methodID, PhoneType.alternateMobile.methodID, PhoneType.mobile.methodID,
        ])
        #expect(plan.steps.allSatisfy { $0.action == .delete })
        #expect(Set(plan.kept.map(\.methodID)) == [M.password.id, "qr-1"])
    }

    @Test func auth0PortalPlanLeavesRecoveryCodeForLast() {
        let plan = ResetPlan(methods: M.auth0All, policy: .portal)
        #expect(plan.steps.map(\.methodID) == [
            "totp|dev_1", "push|dev_1", "guardian|dev_1", "phone|dev_1", "phone|dev_2", "recovery-code|dev_1",
        ])
        #expect(plan.flagged.map(\.methodID) == ["something-new|dev_1"])
    }

    @Test func theDefaultMethodGoesLast() {
        let plan = ResetPlan(methods: [M.mobile, M.authenticator, M.softwareOath], defaultMethodID: "ma-1", policy: .portal)
        #expect(plan.steps.map(\.methodID) == ["so-1", PhoneType.mobile.methodID, "ma-1"])
        #expect(plan.steps.map(\.isDefault) == [false, false, true])
        #expect(plan.notes.isEmpty)
    }

    @Test func aDefaultAlternateMobileHandsTheDefaultToTheMobileFirst() {
        let plan = ResetPlan(
            methods: [M.alternateMobile, M.mobile, M.office, M.authenticator], defaultMethodID: PhoneType.alternateMobile.methodID,
            policy: .portal)
        #expect(plan.steps.map(\.description) == [
            "Make Mobile phone the default", "Delete Microsoft Authenticator", "Delete Office phone",
            "Delete Alternate mobile phone", "Delete Mobile phone",
        ])
        #expect(plan.steps.map(\.isDefault) == [false, false, false, false, true])
        #expect(plan.notes == [.defaultIsAlternateMobile])
    }

    @Test func aDefaultAlternateMobileWithoutAMobileIsSimplyLast() {
        let plan = ResetPlan(
            methods: [M.alternateMobile, M.office], defaultMethodID: PhoneType.alternateMobile.methodID, policy: .portal)
        #expect(plan.steps.map(\.methodID) == [PhoneType.office.methodID, PhoneType.alternateMobile.methodID])
        #expect(plan.notes.isEmpty)
    }

    @Test func aStaleOrKeptDefaultIsNotedAndChangesNothing() {
        let methods = [M.mobile, M.alternateMobile, M.fido2]
        let plain = ResetPlan(methods: methods, policy: .portal)
        let stale = ResetPlan(methods: methods, defaultMethodID: "gone", policy: .portal)
        let kept = ResetPlan(methods: methods, defaultMethodID: "fido-1", policy: .portal)
        #expect(stale.steps == plain.steps)
        #expect(kept.steps == plain.steps)
        #expect(stale.notes == [.defaultMethodNotFound(methodID: "gone")])
        #expect(kept.notes == [.defaultMethodKept(methodID: "fido-1")])
    }

    @Test func aMethodListedTwiceIsPlannedOnce() {
        let plan = ResetPlan(methods: [M.mobile, M.mobile, M.password, M.password], policy: .all)
        #expect(plan.steps.map(\.methodID) == [PhoneType.mobile.methodID])
        #expect(plan.kept.count == 1)
    }

    @Test func aPhoneWithoutATypeIsPlacedByItsFixedID() {
        let untypedMobile = AuthMethod.phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 1", phoneType: nil))
        let plan = ResetPlan(methods: [untypedMobile, M.alternateMobile], policy: .portal)
        #expect(plan.steps.map(\.methodID) == [PhoneType.alternateMobile.methodID, PhoneType.mobile.methodID])
    }

    @Test func aUserWithOnlyAPasswordHasNothingToDo() {
        let plan = ResetPlan(methods: [M.password], defaultMethodID: nil, policy: .all)
        #expect(plan.isEmpty)
        #expect(plan.isComplete(remaining: [M.password]))
    }

    @Test func completionLooksAtWhatThePolicyRemoves() {
        let plan = ResetPlan(methods: [M.password, M.mobile, M.fido2, M.hardwareActive], policy: .portal)
        #expect(!plan.isComplete(remaining: [M.password, M.mobile, M.fido2, M.hardwareActive]))
        #expect(!plan.isComplete(remaining: [M.password, M.fido2, M.hardwareActive]))
        let deactivated = AuthMethod.hardwareOath(HardwareOathMethod(id: "hw-1", status: "assigned"))
        #expect(plan.isComplete(remaining: [M.password, M.fido2, deactivated]))
        #expect(plan.leftovers(in: [M.password, M.authenticator]).map(\.id) == ["ma-1"])
        #expect(!plan.isComplete(remaining: [M.password, M.authenticator]))
    }

    /// Properties over 500 generated method sets, each under both policies.
    @Test(arguments: ResetPolicy.allCases)
    func propertiesHoldForGeneratedMethodSets(policy: ResetPolicy) {
        var handovers = 0
        var defaultsLast = 0
        for seed in UInt64(0)..<500 {
            let (methods, defaultID) = MethodSamples.generated(seed: seed)
            let plan = ResetPlan(methods: methods, defaultMethodID: defaultID, policy: policy)
            let stepIDs = plan.steps.filter(\.action.removes).map(\.methodID)
            let handover = plan.steps.filter { $0.action == .makeDefault }
            let removable = methods.filter { policy.treatment(of: $0).removes }.map(\.id)

            #expect(stepIDs.sorted() == removable.sorted(), "seed \(seed): every removable method once")
            #expect(Set(stepIDs).count == stepIDs.count, "seed \(seed): no step twice")
            #expect(Set(plan.kept.map(\.methodID)).union(stepIDs) == Set(methods.map(\.id)), "seed \(seed): nothing lost")
            #expect(plan.steps.allSatisfy { $0.kind != .password && $0.kind != .auth0Password }, "seed \(seed)")
            #expect(plan.steps.allSatisfy { $0.kind != .unknown }, "seed \(seed): unknown never deleted")
            #expect(plan.kept.filter { $0.kind == .unknown }.allSatisfy { $0.isFlagged }, "seed \(seed)")
            if let alternate = stepIDs.firstIndex(of: PhoneType.alternateMobile.methodID),
               let mobile = stepIDs.firstIndex(of: PhoneType.mobile.methodID) {
                #expect(alternate < mobile, "seed \(seed): alternateMobile before mobile")
            }
            if defaultID == PhoneType.alternateMobile.methodID, stepIDs.contains(PhoneType.mobile.methodID) {
                #expect(handover.map(\.methodID) == [PhoneType.mobile.methodID], "seed \(seed): mobile made default")
                #expect(plan.steps.first?.action == .makeDefault, "seed \(seed): handover first")
                #expect(stepIDs.last == PhoneType.mobile.methodID, "seed \(seed): the new default last")
                handovers += 1
            } else if let defaultID, stepIDs.contains(defaultID) {
                defaultsLast += 1
                #expect(stepIDs.last == defaultID, "seed \(seed): default last")
                #expect(plan.steps.filter { $0.isDefault }.map { $0.methodID } == [defaultID])
                #expect(handover.isEmpty, "seed \(seed)")
            } else {
                #expect(plan.steps.allSatisfy { !$0.isDefault })
                #expect(handover.isEmpty, "seed \(seed)")
            }
            var rng = SplitMix64(seed: seed &+ 1)
            let reshuffled = ResetPlan(methods: methods.shuffled(using: &rng), defaultMethodID: defaultID, policy: policy)
            #expect(reshuffled.steps == plan.steps, "seed \(seed): order independent of the service's order")
            #expect(plan.isComplete(remaining: methods) == plan.steps.isEmpty, "seed \(seed)")
            let afterRun = methods.filter { !stepIDs.contains($0.id) }
            #expect(plan.isComplete(remaining: afterRun), "seed \(seed): complete once the steps are done")
        }
        #expect(handovers > 0 && defaultsLast > 0, "the generated sets cover both default cases")
    }
}
