@testable import AuthdeskViewModels
import Testing

struct TicketStateTests {
    @Test func theQuestionIsAskedOnceAndTypedInto() {
        var ticket = TicketState(asks: true)
        ticket.askIfNeeded()
        #expect(ticket.prompt == TicketPrompt(text: ""))
        let answer = ticket.press(.character("I"))
        #expect(answer == .typing)
        let answer2 = ticket.press(.character("N"))
        #expect(answer2 == .typing)
        let answer3 = ticket.press(.backspace)
        #expect(answer3 == .typing)
        let answer4 = ticket.press(.enter)
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
        let answer = ticket.press(.escape)
        #expect(answer == .answered(""))
        ticket.set("")
        #expect(ticket.reference == nil)
        #expect(ticket.asked)
    }
}
