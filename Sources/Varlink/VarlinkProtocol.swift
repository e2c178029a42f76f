public enum VarlinkProtocol {}
