import TimelineTestSupport

/// The systemd units the checkout ships.
extension Paths {
    static let units = checkout + "/systemd"
}
