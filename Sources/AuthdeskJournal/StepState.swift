/// Where one step is: `pending`, then `sent` (journalled before the request goes out), then
/// `done` or `failed` (journalled after the answer). A step left in `sent` by a crash has an
/// unknown outcome and is sent again on resume.
public enum StepState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case sent
    case done
    case failed
}
