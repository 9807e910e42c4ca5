import Foundation

/// Asks the operator on the terminal to type a phrase (`RESET 3`) before something is sent.
public enum Confirmation {
    /// Shows the question on standard error and reads one line: true only when it is `phrase`
    /// (spaces around it ignored); anything else, or the end of input, is a no.
    public static func typed(_ phrase: String) -> Bool {
        FileHandle.standardError.write(Data("Type \(phrase) to run this plan (anything else cancels): ".utf8))
        return readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) == phrase
    }
}
