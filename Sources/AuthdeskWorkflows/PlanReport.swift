import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices
import AuthdeskText
import Foundation

/// The plan of a reset job as the operator reviews it before confirming: per user the steps in
/// order, what is kept and why, notes; the users that could not be read; the totals.
public struct PlanReport: Sendable {
    public var plan: ResetJobPlan
    public var unreadable: [UnreadableUser]
    /// Principal names by `tenant/userID`, to show beside display names.
    public var principalNames: [String: String]
    /// Each user's exact requests, by ``UserResetPlan/id``, when they were asked for.
    public var requests: [String: [PlannedRequest]]?

    public init(plan: ResetJobPlan, unreadable: [UnreadableUser], principalNames: [String: String]) {
        self.plan = plan
        self.unreadable = unreadable
        self.principalNames = principalNames
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .csv: csv()
        case .json: json()
        case .jsonl: Self.encode(document(), lines: true)
        }
    }

    func table() -> String {
        var out = "Plan (policy \(plan.policy.rawValue): \(plan.policy.summary))\n"
        for user in plan.users {
            out += "\n\(user.tenant)  \(user.displayName)  \(principalNames[user.id] ?? user.userID)  (\(user.userID))"
                + (user.plan.isRefused ? "  [WILL BE REFUSED]" : "") + "\n"
            if user.plan.steps.isEmpty { out += "  nothing to remove\n" }
            for (index, step) in user.plan.steps.enumerated() {
                out += "  \(PlanWording.step(index, step))  [\(step.methodID)]\n"
            }
            for kept in user.plan.kept {
                out += "  \(PlanWording.kept(kept))\(kept.isFlagged ? "  [REVIEW]" : "")\n"
            }
            for note in notes(of: user) { out += "  note: \(note)\n" }
            out += requestLines(of: user)
        }
        if !unreadable.isEmpty {
            out += "\nNot in the plan (cannot be read):\n"
            for entry in unreadable { out += "  \(entry.tenant)  \(entry.user): \(entry.failure.description)\n" }
        }
        let totals = plan.totals
        let actions = StepAction.allCases.compactMap { action in
            totals.stepsByAction[action].map { "\($0) \(action.rawValue)" }
        }
        out += "\nTotals: \(totals.users) user\(totals.users == 1 ? "" : "s") (\(totals.usersWithSteps) with steps), "
            + "\(totals.steps) step\(totals.steps == 1 ? "" : "s")\(actions.isEmpty ? "" : " (" + actions.joined(separator: ", ") + ")"), "
            + "\(totals.kept) kept, \(totals.flagged) to review; \(totals.refused) will be refused (skipped, nothing sent); "
            + "\(unreadable.count) not readable\n"
        return TerminalText.visibleLines(out)
    }

    /// The plan's notes. (No warning about the default going last after a deactivated hardware
    /// token: a deactivated token cannot be used to sign in, so it is not "another method".)
    func notes(of user: UserResetPlan) -> [String] {
        user.plan.notes.map(\.message)
    }

    func csv() -> String {
        var report = Report(columns: [
            .init("tenant", "Tenant"), .init("user", "User"), .init("principalName", "Principal name"), .init("name", "Name"),
            .init("order", "#"), .init("action", "Action"), .init("method", "Method"), .init("methodId", "Method id"),
            .init("kind", "Kind"), .init("default", "Default"), .init("reason", "Reason"),
        ])
        for user in plan.users {
            let who: [ReportValue] = [
                .string(user.tenant), .string(user.userID), .text(principalNames[user.id]), .string(user.displayName),
            ]
            for (index, step) in user.plan.steps.enumerated() {
                report.append(cells: who + [
                    .int(index + 1), .string(step.action.rawValue), .string(step.title), .string(step.methodID),
                    .string(step.kind.rawValue), .bool(step.isDefault), .null,
                ])
            }
            for kept in user.plan.kept {
                report.append(cells: who + [
                    .null, "keep", .string(kept.title), .string(kept.methodID), .string(kept.kind.rawValue), false,
                    .string(kept.reason.explanation),
                ])
            }
            if let refusal = user.plan.refusal {
                report.append(cells: who + [.null, "refused", .null, .null, .null, .null, .string(refusal)])
            }
        }
        for entry in unreadable {
            report.append(cells: [
                .string(entry.tenant), .null, .string(entry.user), .null, .null, "unreadable", .null, .null, .null, .null,
                .string(entry.failure.description),
            ])
        }
        return report.render(.csv)
    }

    func json() -> String {
        Self.encode(document())
    }

    /// The plan as one JSON document: policy, users, the unreadable, totals.
    func document() -> [String: Any] {
        var users: [[String: Any]] = []
        for user in plan.users {
            var entry: [String: Any] = [
                "tenant": user.tenant, "userId": user.userID, "displayName": user.displayName,
                "principalName": principalNames[user.id] ?? NSNull(),
                "defaultMethodId": user.plan.defaultMethodID ?? NSNull(),
                "steps": user.plan.steps.enumerated().map { index, step in
                    [
                        "order": index + 1, "action": step.action.rawValue, "methodId": step.methodID,
                        "kind": step.kind.rawValue, "title": step.title, "isDefault": step.isDefault,
                    ] as [String: Any]
                },
                "kept": user.plan.kept.map { kept in
                    [
                        "methodId": kept.methodID, "kind": kept.kind.rawValue, "title": kept.title,
                        "reason": kept.reason.rawValue, "explanation": kept.reason.explanation, "flagged": kept.isFlagged,
                    ] as [String: Any]
                },
                "notes": notes(of: user),
                "willBeRefused": user.plan.isRefused,
                "refusal": user.plan.refusal ?? NSNull(),
            ]
            if let requests = requestsDocument(of: user) { entry["requests"] = requests }
            users.append(entry)
        }
        let totals = plan.totals
        let document: [String: Any] = [
            "policy": plan.policy.rawValue,
            "users": users,
            "unreadable": unreadable.map(Self.json),
            "totals": [
                "users": totals.users, "usersWithSteps": totals.usersWithSteps, "steps": totals.steps,
                "kept": totals.kept, "flagged": totals.flagged, "unreadable": unreadable.count, "refused": totals.refused,
            ],
        ]
        return document
    }

    static func json(_ entry: UnreadableUser) -> [String: Any] {
        [
            "tenant": entry.tenant, "user": entry.user, "status": entry.failure.httpStatus ?? NSNull(),
            "code": entry.failure.code ?? NSNull(), "message": entry.failure.message,
            "requestId": entry.failure.requestID ?? NSNull(),
        ]
    }

    /// Pretty JSON, or (`lines`) the document compact on one line.
    static func encode(_ document: Any, lines: Bool = false) -> String {
        let options: JSONSerialization.WritingOptions = lines ? [.sortedKeys, .withoutEscapingSlashes]
            : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: options)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
