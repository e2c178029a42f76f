public enum TimelineDaemonPlaceholder {}
