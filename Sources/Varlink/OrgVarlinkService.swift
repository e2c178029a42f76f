/// The standard interface every Varlink service answers: what the service
/// is and which interfaces it serves, with their descriptions.
struct OrgVarlinkService: VarlinkHandler {
    static let name = "org.varlink.service"

    /// The standard description, as published by the Varlink project.
    static let description = """
        # The Varlink Service Interface is provided by every varlink service. It
        # describes the service and the interfaces it implements.
        interface org.varlink.service

        # Get a list of all the interfaces a service provides and information
        # about the implementation.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Get the description of an interface that is implemented by this service.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # The requested interface was not found.
        error InterfaceNotFound (interface: string)

        # The requested method was not found
        error MethodNotFound (method: string)

        # The interface defines the requested method, but the service does not
        # implement it.
        error MethodNotImplemented (method: string)

        # One of the passed parameters is invalid.
        error InvalidParameter (parameter: string)

        # Client is denied access
        error PermissionDenied ()

        # Method is expected to be called with 'more' set to true, but wasn't
        error ExpectedMore ()

        """

    struct Info: Encodable {
        var vendor: String
        var product: String
        var version: String
        var url: String
        var interfaces: [String]
    }

    struct DescriptionInput: Decodable {
        var interface: String
    }

    struct DescriptionOutput: Encodable {
        var description: String
    }

    /// Encoded once: GetInfo's answer never changes while the server runs.
    let info: Info
    /// Every served interface's description, this one's included.
    let descriptions: [String: String]

    init(info: VarlinkServiceInfo, interfaces: [VarlinkInterface]) {
        let names = [Self.name] + interfaces.map(\.name)
        self.info = Info(
            vendor: info.vendor,
            product: info.product,
            version: info.version,
            url: info.url,
            interfaces: names
        )
        var descriptions = [Self.name: Self.description]
        for interface in interfaces {
            descriptions[interface.name] = interface.description
        }
        self.descriptions = descriptions
    }

    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        switch call.methodName {
        case "GetInfo":
            try await replies.send(info)
        case "GetInterfaceDescription":
            let input = try call.parameters(as: DescriptionInput.self)
            guard let description = descriptions[input.interface] else {
                throw VarlinkError.interfaceNotFound(input.interface)
            }
            try await replies.send(DescriptionOutput(description: description))
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }
}
