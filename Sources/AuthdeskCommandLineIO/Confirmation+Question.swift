import Foundation

extension Confirmation {
    /// Shows `question` on standard error and asks for `phrase`: true only when it is typed.
    public static func asked(_ question: String, phrase: String) -> Bool {
        FileHandle.standardError.write(Data("\(question)\nType \(phrase) to go ahead (anything else cancels): ".utf8))
        return readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) == phrase
    }
}
