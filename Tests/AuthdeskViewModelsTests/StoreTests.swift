@testable import AuthdeskViewModels
import Synchronization
import Testing

struct StoreTests {
    /// A counter whose `.tick` asks for an effect and whose `.same` changes nothing.
    struct Counter: StoreState {
        enum Event: Sendable { case tick, same, expired }
        var count = 0
        var expired = false
        var revision: UInt64 = 0

        mutating func apply(_ event: Event) -> [Int] {
            switch event {
            case .tick:
                count += 1
                return [count]
            case .same:
                return []
            case .expired:
                expired = true
                return []
            }
        }
    }

    enum Slot: StoreSlot {
        case work
        case flash
    }

    @Test func aChangePublishesTheNextRevisionAndRunsTheEffects() {
        let store = Store<Counter, Slot, Void>(Counter(), context: (), clock: ManualClock())
        let published = Mutex<[UInt64]>([])
        let ran = Mutex<[Int]>([])
        store.observe { state in published.withLock { $0.append(state.revision) } }
        store.runEffects { effect in ran.withLock { $0.append(effect) } }
        store.send(.tick)
        store.send(.same)
        store.send(.tick)
        #expect(published.withLock { $0 } == [1, 2])
        #expect(ran.withLock { $0 } == [1, 2])
        #expect(store.state.revision == 2)
    }

    @Test func prepareRunsUnderTheSameLockBeforeTheReducer() {
        let store = Store<Counter, Slot, Int>(Counter(), context: 0, clock: ManualClock())
        let seen = store.send(.tick) { state, context in
            context = 7
            return state.count
        }
        #expect(seen == 0)
        #expect(store.withContext { $0 } == 7)
        #expect(store.state.count == 1)
    }

    @Test func aNewTaskInASlotCancelsTheOldOne() async {
        let store = Store<Counter, Slot, Void>(Counter(), context: (), clock: ManualClock())
        store.spawn(.work) { try? await Task.sleep(for: .seconds(3600)) }
        let first = store.task(in: .work)
        store.spawn(.work) {}
        #expect(first?.isCancelled == true)
        store.cancelAll()
        #expect(store.task(in: .work) == nil)
    }

    @Test func theFlashExpiresOnTheInjectedClock() async {
        let clock = ManualClock()
        let store = Store<Counter, Slot, Void>(Counter(), context: (), clock: clock)
        store.expireFlash(after: .seconds(4), .expired)
        await clock.waitForSleepers(1)
        #expect(!store.state.expired)
        clock.advance(by: .seconds(4))
        await store.task(in: .flash)?.value
        #expect(store.state.expired)
    }
}
