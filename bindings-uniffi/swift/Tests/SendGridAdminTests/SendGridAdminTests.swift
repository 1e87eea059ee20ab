// XCTest against the sandbox binary (macOS): `cargo build --release -p sendgrid-admin-sandbox`,
// then `SENDGRID_ADMIN_SANDBOX=../../target/release/sendgrid-admin-sandbox swift test`.
import Foundation
import XCTest

@testable import SendGridAdmin

final class Sandbox {
    let process = Process()
    let url: String

    init() throws {
        let bin = ProcessInfo.processInfo.environment["SENDGRID_ADMIN_SANDBOX"] ?? "../../target/release/sendgrid-admin-sandbox"
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["--port", "0", "--customer-account", "42"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        url = String(line.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func client(maxRetries: UInt32 = 0) throws -> Client {
        try Client(config: ClientConfig(apiKey: "SG.sandbox-key", baseUrl: url, maxRetries: maxRetries))
    }

    func reset(subusers: Int = 0, teammates: Int = 0) async throws {
        var req = URLRequest(url: URL(string: "\(url)/__sandbox/reset")!)
        req.httpMethod = "POST"
        req.setValue("application/json", forHTTPHeaderField: "content-type")
        req.httpBody = try JSONSerialization.data(withJSONObject: ["seed_subusers": subusers, "seed_teammates": teammates])
        _ = try await URLSession.shared.data(for: req)
    }

    deinit { process.terminate() }
}

final class SendGridAdminTests: XCTestCase {
    var sb: Sandbox!

    override func setUp() async throws {
        sb = try Sandbox()
        try await sb.reset(subusers: 3, teammates: 4)
    }

    func testSubusersMonitorAndCredits() async throws {
        let c = try sb.client()
        let created = try await c.subusers().create(subuser: CreateSubuser(username: "acme", email: "ops@acme.example", password: "pw-123456"))
        XCTAssertEqual(created.username, "acme")
        try await c.subusers().disable(username: "acme")
        XCTAssertTrue(try await c.subusers().list(params: ListSubusers(username: "acme"))[0].disabled)
        let m = try await c.monitor().create(username: "acme", monitor: Monitor(email: "audit@acme.example", frequency: 1000))
        XCTAssertEqual(m.frequency, 1000)
        let credits = try await c.credits().set(username: "acme", credits: SetCredits(kind: .recurring, resetFrequency: .monthly, total: 100))
        XCTAssertEqual(credits.remain, 100)
    }

    func testErrorsAreTyped() async throws {
        let c = try sb.client()
        do {
            _ = try await c.monitor().create(username: "sub00001", monitor: Monitor(email: "a@example.com", frequency: 0))
            XCTFail("frequency 0 must be refused")
        } catch let SendGridError.InvalidInput(_, _, _, _, _, attempts, field) {
            XCTAssertEqual(field, "monitor.frequency")
            XCTAssertEqual(attempts, 0)
        }
        do {
            _ = try await c.monitor().get(username: "sub00001")
            XCTFail("no monitor yet")
        } catch let SendGridError.NotFound(_, status, errors, _, _, _, _) {
            XCTAssertEqual(status, 404)
            XCTAssertEqual(errors.first?.message, "No monitor settings for this user")
        }
    }

    func testOnBehalfOfDoesNotLeak() async throws {
        let c = try sb.client()
        _ = try await c.subusers().create(subuser: CreateSubuser(username: "acme", email: "ops@acme.example", password: "pw-123456"))
        let acme = c.onBehalfOf(username: "acme")
        XCTAssertEqual(try await acme.teammates().list(params: ListTeammates()).map(\.username), ["acme"])
        XCTAssertEqual(try await c.teammates().list(params: ListTeammates()).count, 5)
        XCTAssertNil(c.currentOnBehalfOf())
    }

    func testPagingOver1000Subusers() async throws {
        try await sb.reset(subusers: 1000)
        let pager = try sb.client().subusers().iterAll(params: ListSubusers(limit: 128))
        var ids = Set<UInt64>()
        while true {
            guard let s = try await pager.next() else { break }
            ids.insert(s.id)
        }
        XCTAssertEqual(ids.count, 1000)
    }
}
