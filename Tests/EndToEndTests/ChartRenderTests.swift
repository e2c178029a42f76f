import Foundation
import TimelineTestSupport
import Testing

/// The seeds' chart as a browser draws it: `timelinectl chart` against a
/// daemon holding the seeds, rendered to PNG by headless Chromium at the
/// desktop size the issue asks it to be readable at (1200×600) and at a
/// phone's (390×844), and its text and marks measured there by the browser.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ChartRenderTests {
    @Test(.enabled(
        if: Chromium.path != nil,
        "no headless Chromium (chromium-headless-shell or chromium on PATH, or $TIMELINED_CHROMIUM): make test installs chromium-headless-shell with apt-get"))
    func theSeedsChartRendersInHeadlessChromiumOnADesktopAndAPhone() async throws {
        try await onOwnThread(body)
    }

    private func body() throws {
        let chromium = Chromium(try #require(Chromium.path))
        let daemon = try AnalystViewsTests.daemonWithTheSeeds()
        let svg = daemon.data + "/chart.svg"
        let quantity = ["--side", "russia", "--population", "military", "--metric", "killed"]
        let chart = try daemon.ctl(["chart", "--output", svg] + quantity)
        #expect(chart.status == 0, "\(chart.stderr)")
        // The chart places every claim of its quantity that has a date.
        let claims = try #require(
            try daemon.ctl(["claims", "--per", "total", "--json"] + quantity).json() as? [[String: Any]])
        let dated = claims.filter { !($0["stated_on"] is NSNull && $0["published"] is NSNull) }.count
        #expect(try daemon.stop() == 0)

        // What "drew something" is measured against: the chart's own frame
        // with nothing in it, a white page.
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let viewBox = try #require(text.firstMatch(of: /viewBox="([^"]+)"/)?.1, "the chart has no viewBox")
        let blank = daemon.data + "/blank.svg"
        try writeText("""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(viewBox)" width="100%"></svg>
            """, to: blank)

        for (width, height) in [(1200, 600), (390, 844)] {
            let drawn = try chromium.screenshot(svg, width: width, height: height)
            let empty = try chromium.screenshot(blank, width: width, height: height)
            for png in [drawn, empty] {
                let size = try #require(Chromium.pngSize(png), "not a PNG: \(png.prefix(16).map { String(format: "%02x", $0) })")
                #expect(size.width == width && size.height == height, "\(size.width)×\(size.height)")
            }
            // A blank page compresses to almost nothing; the chart's marks,
            // axes and text make its PNG larger.
            #expect(drawn.count > empty.count, "the \(width)×\(height) chart (\(drawn.count) bytes) is no larger than a blank page (\(empty.count) bytes)")

            // Readable: every text the browser shows is drawn 11 CSS pixels
            // or larger, and none runs past the chart's edges.
            let text = try chromium.measureText(ofSVG: svg, width: width, height: height, folder: daemon.data)
            #expect(text.shown > 10, "\(width)×\(height): only \(text.shown) texts shown")
            #expect(text.smallestFontPixels >= 11, "\(width)×\(height): text as small as \(text.smallestFontPixels) px")
            #expect(text.outside == 0, "\(width)×\(height): \(text.outside) texts run past the chart's edges")
            // One mark per dated claim, each drawn inside the plot.
            #expect(text.marks == dated && dated >= 1, "\(width)×\(height): \(text.marks) marks drawn for \(dated) dated claims")
        }
    }
}

extension Chromium {
    /// What the browser shows of an SVG's text and marks.
    struct TextMeasure {
        /// The texts displayed.
        var shown: Int
        /// The smallest font size among them, in CSS pixels as drawn (the
        /// computed size scaled as the view box is).
        var smallestFontPixels: Double
        /// How many reach past the SVG's box.
        var outside: Int
        /// The marks (`g.mark`, one per claim) drawn with a size, within
        /// the SVG's box.
        var marks: Int
    }

    /// Measures the text and marks of the SVG `file` as Chromium lays it out in a
    /// window of `width`×`height`: the SVG put inline in a page, whose
    /// script reads each text's computed size and box and writes them into
    /// the DOM that `--dump-dom` prints.
    func measureText(ofSVG file: String, width: Int, height: Int, folder: String) throws -> TextMeasure {
        let svg = try String(contentsOfFile: file, encoding: .utf8).replacing(/<\?xml[^>]*\?>/, with: "")
        let page = folder + "/measure-\(width).html"
        try writeText("""
            <!DOCTYPE html>
            <html><head><meta name="viewport" content="width=device-width"></head>
            <body style="margin:0">\(svg)<pre id="measure"></pre>
            <script>
            const svg = document.querySelector("svg");
            const scale = svg.getScreenCTM().a, box = svg.getBoundingClientRect();
            let shown = 0, smallest = Infinity, outside = 0;
            for (const text of svg.querySelectorAll("text")) {
              if (getComputedStyle(text).display === "none") continue;
              shown += 1;
              smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
              const r = text.getBoundingClientRect();
              if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) outside += 1;
            }
            let marks = 0;
            for (const mark of svg.querySelectorAll("g.mark")) {
              const r = mark.getBoundingClientRect();
              if (r.width > 0 && r.height > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom) marks += 1;
            }
            document.getElementById("measure").textContent = `measured shown=${shown} smallest=${smallest.toFixed(2)} outside=${outside} marks=${marks}`;
            </script></body></html>
            """, to: page)
        let dom = try run(["--dump-dom", "--window-size=\(width),\(height)", URL(fileURLWithPath: page).absoluteString], file: page)
        guard let found = dom.firstMatch(of: /measured shown=(\d+) smallest=([0-9.]+) outside=(\d+) marks=(\d+)/),
              let shown = Int(found.1), let smallest = Double(found.2), let outside = Int(found.3),
              let marks = Int(found.4) else {
            throw ScreenshotFailed(file: page, status: 0, killed: false, output: dom)
        }
        return TextMeasure(shown: shown, smallestFontPixels: smallest, outside: outside, marks: marks)
    }
}

/// A headless Chromium to take screenshots with.
struct Chromium {
    let executable: String

    init(_ executable: String) { self.executable = executable }

    /// $TIMELINED_CHROMIUM when set (to a path, or to nothing, which
    /// stands for a machine without Chromium), else the first of
    /// chromium-headless-shell (Debian's smallest: the old headless mode
    /// alone) and chromium on PATH.
    static let path: String? = {
        if let chosen = ProcessInfo.processInfo.environment["TIMELINED_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        return ["chromium-headless-shell", "chromium", "chromium-browser"].lazy.compactMap(which).first
    }()

    /// Opens `file` in a window of `width`×`height` CSS pixels and returns
    /// the PNG of what it shows.
    ///
    /// - Throws: ``ScreenshotFailed``, with Chromium's output, when it exits
    ///   with an error, runs past a minute, or writes no image.
    func screenshot(_ file: String, width: Int, height: Int) throws -> Data {
        let folder = try TemporaryFolder("timelined-chromium-shot")
        let png = folder.path + "/screenshot.png"
        let said = try run(
            ["--hide-scrollbars", "--screenshot=\(png)", "--window-size=\(width),\(height)", URL(fileURLWithPath: file).absoluteString],
            file: file)
        guard let image = FileManager.default.contents(atPath: png) else {
            throw ScreenshotFailed(file: file, status: 0, killed: false, output: said)
        }
        return image
    }

    /// Runs headless Chromium with `arguments` after the common ones and
    /// returns what it printed.
    ///
    /// - Throws: ``ScreenshotFailed``, with Chromium's output, when it exits
    ///   with an error or runs past a minute.
    func run(_ arguments: [String], file: String) throws -> String {
        // A profile of its own each time, so that no run waits on another's
        // lock or reads what another left; removed with the folder.
        let folder = try TemporaryFolder("timelined-chromium")
        let log = folder.path + "/chromium.log"
        guard FileManager.default.createFile(atPath: log, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A minute is far past the second a render takes, so a busy machine
        // slows the test without failing it. Then timeout(1) kills
        // Chromium's whole process group, helpers included, with KILL: a
        // child started from a test's thread inherits a mask that blocks
        // TERM, and Process notices an exit only once every process that
        // inherited its descriptors is gone. The output goes to a file, not
        // a pipe, for the same reason.
        process.arguments = [
            "timeout", "--signal=KILL", "60", executable,
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            // /dev/shm in a container may be too small for a renderer.
            "--disable-dev-shm-usage", "--force-device-scale-factor=1",
            "--user-data-dir=\(folder.path)/profile",
        ] + arguments
        process.environment = childEnvironment(["HOME": folder.path])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ScreenshotFailed(
                file: file, status: process.terminationStatus,
                killed: process.terminationReason == .uncaughtSignal, output: said)
        }
        return said
    }

    /// A PNG's width and height from its IHDR chunk, which the format puts
    /// first; nil when `data` does not start with the PNG signature.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        func bigEndian(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(at: 16), bigEndian(at: 20))
    }
}

/// Chromium did not produce a screenshot.
struct ScreenshotFailed: Error, CustomStringConvertible {
    var file: String
    /// The exit status, or the signal when `killed`.
    var status: Int32
    var killed: Bool
    var output: String
    var description: String {
        let why = switch (killed, status) {
        case (true, SIGKILL): "ran past its minute"  // timeout(1) killed its group, itself included
        case (true, _): "was killed by signal \(status)"
        case (false, 0): "wrote no screenshot"
        case (false, _): "exited with \(status)"
        }
        return "headless Chromium \(why) rendering \(file):\n\(output)"
    }
}
