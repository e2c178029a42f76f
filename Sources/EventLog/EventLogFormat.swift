public enum EventLogFormat {}
