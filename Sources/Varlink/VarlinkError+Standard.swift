extension VarlinkError {
    /// `org.varlink.service.InterfaceNotFound`: the service has no such interface.
    public static let interfaceNotFoundName = "org.varlink.service.InterfaceNotFound"
    /// `org.varlink.service.MethodNotFound`: the interface has no such method.
    public static let methodNotFoundName = "org.varlink.service.MethodNotFound"
    /// `org.varlink.service.MethodNotImplemented`: declared, but the service does not implement it.
    public static let methodNotImplementedName = "org.varlink.service.MethodNotImplemented"
    /// `org.varlink.service.InvalidParameter`: a parameter is missing or of the wrong type.
    public static let invalidParameterName = "org.varlink.service.InvalidParameter"
    /// `org.varlink.service.PermissionDenied`: the caller may not call this method.
    public static let permissionDeniedName = "org.varlink.service.PermissionDenied"
    /// `org.varlink.service.ExpectedMore`: the method streams and needs `"more": true`.
    public static let expectedMoreName = "org.varlink.service.ExpectedMore"

    /// `org.varlink.service.InvalidMessage`, with a `reason` string: the server
    /// could not read a call at all (not JSON, not an object, no method, too
    /// large) and closes the connection after this reply.
    ///
    /// Not one of the standard interface's errors, whose list has none for a
    /// broken message; the reason tells a person at `socat` what went wrong.
    public static let invalidMessageName = "org.varlink.service.InvalidMessage"
    /// `org.varlink.service.InternalError`: a handler failed with an error that
    /// is not a ``VarlinkError``. Carries no parameters, so no internal detail
    /// reaches an unprivileged caller. Not one of the standard interface's errors.
    public static let internalErrorName = "org.varlink.service.InternalError"

    /// The interface named in the call is not served.
    ///
    /// - Parameter interface: The interface name the caller asked for.
    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError(name: interfaceNotFoundName, parameters: ["interface": .string(interface)])
    }

    /// The interface has no such method.
    ///
    /// - Parameter method: The fully qualified method name the caller asked for.
    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError(name: methodNotFoundName, parameters: ["method": .string(method)])
    }

    /// The interface declares the method, but this service does not implement it.
    ///
    /// - Parameter method: The fully qualified method name.
    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError(name: methodNotImplementedName, parameters: ["method": .string(method)])
    }

    /// A parameter is missing, of the wrong type, or has a value the method rejects.
    ///
    /// - Parameter parameter: The parameter's name (empty when unknown).
    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError(name: invalidParameterName, parameters: ["parameter": .string(parameter)])
    }

    /// The caller (judged by its peer credentials) may not call this method.
    public static var permissionDenied: VarlinkError {
        VarlinkError(name: permissionDeniedName)
    }

    /// The method only streams, and the call did not set `more`.
    public static var expectedMore: VarlinkError {
        VarlinkError(name: expectedMoreName)
    }

    /// The server could not read a call.
    ///
    /// - Parameter reason: What was wrong, for a person to read.
    public static func invalidMessage(_ reason: String) -> VarlinkError {
        VarlinkError(name: invalidMessageName, parameters: ["reason": .string(reason)])
    }

    /// A handler failed with an error that is not a ``VarlinkError``.
    public static var internalError: VarlinkError {
        VarlinkError(name: internalErrorName)
    }
}

extension VarlinkError {
    /// `org.varlink.service.TooManyConnections`, with `limit` (`"total"` or
    /// `"per_user"`) and `maximum`: the server already holds as many
    /// connections as it allows, all of them busy, and closes this one.
    ///
    /// Not one of the standard interface's errors. It is sent as soon as the
    /// connection is accepted, so a client reads it as the reply to its first
    /// call, which says why better than a bare hang-up would.
    public static let tooManyConnectionsName = "org.varlink.service.TooManyConnections"

    /// The connection is over a cap and is closed.
    ///
    /// - Parameters:
    ///   - limit: Which cap: `"total"` or `"per_user"`.
    ///   - maximum: The cap's value.
    public static func tooManyConnections(limit: String, maximum: Int) -> VarlinkError {
        VarlinkError(name: tooManyConnectionsName, parameters: ["limit": .string(limit), "maximum": .int(maximum)])
    }
}
