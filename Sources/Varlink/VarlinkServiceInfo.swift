/// What `org.varlink.service.GetInfo` reports about the service.
public struct VarlinkServiceInfo: Sendable, Codable, Equatable {
    /// Who makes the service, e.g. `timelined`.
    public var vendor: String
    /// The product name, e.g. `timelined`.
    public var product: String
    /// The product version, e.g. `0.1.0`.
    public var version: String
    /// Where to learn about it.
    public var url: String

    /// Creates the info.
    ///
    /// - Parameters:
    ///   - vendor: Who makes the service.
    ///   - product: The product name.
    ///   - version: The product version.
    ///   - url: Where to learn about it.
    public init(vendor: String, product: String, version: String, url: String) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
    }
}
