public enum TimelineSchema {}
