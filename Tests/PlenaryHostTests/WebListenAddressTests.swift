import Testing
import PlenaryHost

@Suite struct WebListenAddressTests {
    @Test func aPortAloneListensEverywhereAndShowsThePrivateAddress() throws {
        let address = try WebListenAddress.parse("8080").get()
        #expect(address == WebListenAddress(host: "0.0.0.0", port: 8080))
        #expect(!address.isLoopback)
        #expect(address.shownURL(port: 8080, interfaces: ["127.0.0.1", "203.0.113.9", "192.168.1.20"]) == "http://192.168.1.20:8080/")
        #expect(address.shownURL(port: 80, interfaces: ["127.0.0.1", "203.0.113.9"]) == "http://203.0.113.9/")
        #expect(address.shownURL(port: 8080, interfaces: ["127.0.0.1"]) == "http://127.0.0.1:8080/")
    }

    @Test func anAddressAndPortListenThere() throws {
        #expect(try WebListenAddress.parse("127.0.0.1:9000").get() == WebListenAddress(host: "127.0.0.1", port: 9000))
        #expect(try WebListenAddress.parse("localhost:9000").get().isLoopback)
        #expect(try WebListenAddress.parse("10.0.0.5:80").get().shownURL(port: 80, interfaces: []) == "http://10.0.0.5/")
    }

    @Test func anythingElseIsRefusedWithTheFormToUse() {
        for bad in ["", "eighty", "70000", "phone:80", "1.2.3:80", "a:b:c", "192.168.1.20"] {
            guard case .failure(let problem) = WebListenAddress.parse(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(problem.description.hasPrefix("\(bad): "))
        }
    }
}
