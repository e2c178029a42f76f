/// What the server needs from an interface's IDL text: its name and the
/// names of its methods.
///
/// Not a full IDL parser: types are not checked, since the server passes
/// parameters to handlers as JSON and serves the text as given. Only the
/// statements at the top level are read, so a member called `method` inside
/// a type's parentheses is not mistaken for a method.
struct VarlinkInterfaceDescription: Sendable {
    var name: String?
    var methods: Set<String> = []

    init(scanning text: String) {
        var depth = 0
        var pendingKeyword: Substring?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "#" {
                index = text[index...].firstIndex(of: "\n") ?? text.endIndex
                continue
            }
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0, Self.isWordCharacter(character) {
                let end = text[index...].firstIndex { !Self.isWordCharacter($0) } ?? text.endIndex
                let word = text[index..<end]
                if pendingKeyword == "interface", name == nil {
                    name = String(word)
                } else if pendingKeyword == "method" {
                    methods.insert(String(word))
                }
                pendingKeyword = word == "interface" || word == "method" ? word : nil
                index = end
                continue
            } else if !character.isWhitespace {
                pendingKeyword = nil
            }
            index = text.index(after: index)
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "." || character == "-"
    }
}
