import Testing

@testable import Varlink

@Suite("Interface descriptions")
struct InterfaceDescriptionTests {
    @Test func scannerFindsTheNameAndTopLevelMethodsOnly() {
        let scanned = VarlinkInterfaceDescription(
            scanning: """
                # interface not.this.one
                interface io.example.thing-one

                # method NotAMethod() in a comment
                type Entry (method: string, error: ?string)

                method Get(key: string) -> (entry: Entry)
                method  List () -> (entries: []Entry)
                error NotFound (method: string)
                """
        )
        #expect(scanned.name == "io.example.thing-one")
        #expect(scanned.methods == ["Get", "List"])
    }

    @Test func theStandardServiceDescriptionDeclaresItsTwoMethods() {
        let scanned = VarlinkInterfaceDescription(scanning: OrgVarlinkService.description)
        #expect(scanned.name == "org.varlink.service")
        #expect(scanned.methods == ["GetInfo", "GetInterfaceDescription"])
    }

    @Test func registeringADescriptionOfAnotherInterfaceFails() {
        let error = #expect(throws: VarlinkInterfaceError.self) {
            try VarlinkInterface(name: "org.example.a", description: "interface org.example.b\n") { _, _ in }
        }
        #expect(error?.code == .nameMismatch)
    }

    @Test func registeringADescriptionWithoutInterfaceLineFails() {
        let error = #expect(throws: VarlinkInterfaceError.self) {
            try VarlinkInterface(name: "org.example.a", description: "method A() -> ()\n") { _, _ in }
        }
        #expect(error?.code == .missingInterfaceName)
    }

    @Test func servingAnInterfaceTwiceFails() throws {
        let interface = try TestInterface.make()
        let error = #expect(throws: VarlinkInterfaceError.self) {
            try VarlinkServer(endpoint: .unixSocket(path: "/nonexistent"), info: testInfo, interfaces: [interface, interface])
        }
        #expect(error?.code == .duplicateInterface)
    }
}
