@testable import AuthdeskViewModels
import Testing

struct TicketStateTests {
    /// A key as the browser hands it over: with the action the key table binds it to.
    static func press(_ key: Key, _ ticket: inout TicketState) -> TicketState.Answer {
        ticket.press(KeyMap.standard.action(for: key, in: [.ticketPrompt]), key: key)
    }

    @Test func theQuestionIsAskedOnceAndTypedInto() {
        var ticket = TicketState(asks: true)
        ticket.askIfNeeded()
        #expect(ticket.prompt == TicketPrompt(text: ""))
        let answer = Self.press(.character("I"), &ticket)
        #expect(answer == .typing)
        let answer2 = Self.press(.character("N"), &ticket)
        #expect(answer2 == .typing)
        let answer3 = Self.press(.backspace, &ticket)
        #expect(answer3 == .typing)
        let answer4 = Self.press(.enter, &ticket)
        #expect(answer4 == .answered("I"))
        ticket.set("I")
        #expect(ticket.reference == "I")
        #expect(ticket.prompt == nil)
        ticket.askIfNeeded()
        #expect(ticket.prompt == nil, "asked already")
    }

    @Test func escapeAnswersNoTicket() {
        var ticket = TicketState(asks: true)
        ticket.askIfNeeded()
        let answer = Self.press(.escape, &ticket)
        #expect(answer == .answered(""))
        ticket.set("")
        #expect(ticket.reference == nil)
        #expect(ticket.asked)
    }
}
