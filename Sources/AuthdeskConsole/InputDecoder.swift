import AuthdeskViewModels

/// Turns what curses reads into keys, swallowing what a terminal sends unasked: answers to
/// queries (a device-attributes answer `ESC [ ? 6 2 ; c`), focus reports (`ESC [ I`, `ESC [ O`),
/// bracketed-paste markers (`ESC [ 2 0 0 ~`), other control sequences curses does not know
/// (CSI, SS3, OSC, DCS, APC, PM and SOS strings, 7-bit or C1) and stray C1 controls. A sequence
/// is consumed whole, so none of its characters is typed into a field or taken as a key.
///
/// A lone escape is a key only once its read batch ends: curses waits `ESCDELAY` for what
/// follows an escape, so bytes arriving with it belong to it, and an escape the operator
/// pressed ends its batch (``endOfBatch()``). A sequence split across batches is followed across
/// them. Keys curses decoded itself (`KEY_*`) pass through ``KeyDecoder``.
public struct InputDecoder: Sendable {
    private enum Phase: Sendable, Equatable {
        case ground
        /// After an escape, waiting to see whether a sequence starts.
        case escape
        /// In a CSI sequence, collecting its parameter and intermediate characters.
        case controlSequence(String)
        /// In a control sequence too long to follow: dropped up to its final character.
        case longSequence
        /// After SS3 (`ESC O`): one final character follows.
        case singleShift
        /// In a control string (OSC, DCS, APC, PM, SOS), until BEL or ST.
        case controlString(length: Int)
        /// In a control string, after an escape: `\` ends it (ST).
        case controlStringEscape
    }

    /// The longest control sequence or string followed; anything longer is dropped where it
    /// stands (a broken sequence must not swallow the operator's typing for long).
    static let longestSequence = 64
    static let longestString = 4096

    private var phase = Phase.ground

    public init() {}

    /// Whether a sequence (or an escape) is waiting for more.
    public var isPending: Bool { phase != .ground }

    /// One thing `wget_wch` read: the keys it completes (often none, inside a sequence).
    public mutating func feed(code: UInt32, isKeyCode: Bool) -> [Key] {
        if isKeyCode {
            // curses decoded a key itself: whatever was pending was not a sequence after all.
            let pending = phase == .escape ? [Key.escape] : []
            phase = .ground
            return pending + [KeyDecoder.key(code: code, isKeyCode: true)].compactMap { $0 }
        }
        switch phase {
        case .ground:
            return ground(code)
        case .escape:
            phase = .ground
            switch code {
            case 0x5B: phase = .controlSequence("")
            case 0x4F: phase = .singleShift
            case 0x5D, 0x50, 0x5F, 0x5E, 0x58: phase = .controlString(length: 0)
            default: return [.escape] + ground(code)
            }
            return []
        case .controlSequence(let collected):
            switch code {
            case 0x40...0x7E:
                phase = .ground
                return Self.controlSequenceKey(parameters: collected, final: code).map { [$0] } ?? []
            case 0x20...0x3F:
                let longer = collected + String(UnicodeScalar(UInt8(code)))
                phase = longer.unicodeScalars.count < Self.longestSequence ? .controlSequence(longer) : .longSequence
                return []
            default:
                // Not part of a control sequence: it was broken; this (an escape) starts afresh.
                phase = .ground
                return ground(code)
            }
        case .longSequence:
            switch code {
            case 0x20...0x3F: return []
            case 0x40...0x7E:
                phase = .ground
                return []
            default:
                phase = .ground
                return ground(code)
            }
        case .singleShift:
            phase = .ground
            return Self.singleShiftKey(code).map { [$0] } ?? []
        case .controlString(let length):
            switch code {
            case 0x07, 0x9C: phase = .ground
            case 0x1B: phase = .controlStringEscape
            default: phase = length + 1 >= Self.longestString ? .ground : .controlString(length: length + 1)
            }
            return []
        case .controlStringEscape:
            phase = .ground
            return code == 0x5C ? [] : feed(code: 0x1B, isKeyCode: false) + feed(code: code, isKeyCode: false)
        }
    }

    /// The read batch ended: an escape still waiting was the escape key.
    public mutating func endOfBatch() -> [Key] {
        guard phase == .escape else { return [] }
        phase = .ground
        return [.escape]
    }

    private mutating func ground(_ code: UInt32) -> [Key] {
        switch code {
        case 0x1B:
            phase = .escape
            return []
        case 0x9B:
            phase = .controlSequence("")
            return []
        case 0x8F:
            phase = .singleShift
            return []
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            phase = .controlString(length: 0)
            return []
        case 0x80...0x9F:
            return []
        default:
            return [KeyDecoder.key(code: code, isKeyCode: false)].compactMap { $0 }
        }
    }

    /// The key a CSI sequence stands for, when it is one a terminal sends for a key (arrows,
    /// home, end, page up and down, delete, back tab, with or without modifiers); nil for
    /// everything else (reports, answers, paste markers, focus events), which is ignored.
    static func controlSequenceKey(parameters: String, final: UInt32) -> Key? {
        guard parameters.allSatisfy({ $0.isNumber || $0 == ";" }) else { return nil }
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.flatMap { Int($0) }
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return parameters.isEmpty ? .backTab : nil
        case 0x7E:
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The key an SS3 sequence (`ESC O x`, application mode) stands for; nil for the rest.
    static func singleShiftKey(_ final: UInt32) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        case 0x50...0x53: .function(Int(final - 0x50) + 1)
        default: nil
        }
    }
}
