import DurableFiles

/// Inbox names waiting to be read, each once, in arrival order.
struct WorkQueue {
    private var order: [FileName] = []
    private var head = 0
    private var queued: Set<FileName> = []

    var count: Int { order.count - head }

    func contains(_ name: FileName) -> Bool { queued.contains(name) }

    /// Drops the names not in `present`: they left the inbox.
    mutating func keepOnly(_ present: Set<FileName>) {
        order = order[head...].filter(present.contains)
        head = 0
        queued.formIntersection(present)
    }

    mutating func add(_ more: [FileName]) {
        for name in more where queued.insert(name).inserted {
            order.append(name)
        }
    }

    /// Returns names taken but not read to the front of the queue.
    mutating func putBack(_ more: [FileName]) {
        let fresh = more.filter { queued.insert($0).inserted }
        order.replaceSubrange(head..<head, with: fresh)
    }

    /// Up to `limit` names, oldest first.
    mutating func next(upTo limit: Int) -> [FileName] {
        var names: [FileName] = []
        while names.count < limit, let name = next() { names.append(name) }
        return names
    }

    mutating func next() -> FileName? {
        guard head < order.count else { return nil }
        let name = order[head]
        head += 1
        queued.remove(name)
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        }
        return name
    }
}
