/// The version of timelined, reported by `Status`, `GetInfo` and `--version`.
public enum TimelineVersion {
    public static let current = "0.1.0"
}
