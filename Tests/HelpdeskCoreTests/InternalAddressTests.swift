import Testing

@testable import HelpdeskCore

@Suite("Webhook targets inside the network")
struct InternalAddressTests {
    @Test(
        "loopback, private, link-local, shared, unspecified and multicast hosts are internal",
        arguments: [
            "localhost", "LOCALHOST", "api.localhost", "localhost.", "127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1",
            "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.10", "169.254.169.254", "100.64.0.1",
            "100.127.255.1", "224.0.0.1", "255.255.255.255", "::1", "[::1]", "::", "fe80::1", "fe80::1%eth0", "fc00::1",
            "fd12:3456:789a::1", "::ffff:127.0.0.1", "[::ffff:10.1.2.3]", "ff02::1", "0:0:0:0:0:0:0:1",
        ])
    func internalHosts(host: String) {
        #expect(InternalAddress.isInternal(host: host))
    }

    @Test(
        "public names and addresses are not",
        arguments: [
            "hooks.example.com", "open.feishu.cn", "oapi.dingtalk.com", "8.8.8.8", "1.1.1.1", "172.15.0.1",
            "172.32.0.1",
            "192.169.0.1", "100.63.255.255", "100.128.0.1", "169.253.1.1", "11.0.0.1", "2001:db8::1",
            "2404:6800:4008::200e", "[2606:4700::1111]", "::ffff:8.8.8.8", "localhost.example.com", "127.0.0.1.nip.io",
            "1.2.3", "1.2.3.4.5", "256.1.1.1", "fe7f::1",
        ])
    func publicHosts(host: String) {
        #expect(!InternalAddress.isInternal(host: host))
    }
}
