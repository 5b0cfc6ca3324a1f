import { describe, expect, it } from "vitest";
import { limitKey, normalizeAddress, resolveClient, trustedProxies } from "@/server/forwarded.mjs";

const none = trustedProxies("");
const proxy = trustedProxies("10.0.0.5, 2001:db8::/32");

describe("client address", () => {
  it("is the TCP peer when no proxy is trusted, whatever the headers say", () => {
    expect(resolveClient({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", forwardedProto: "https" }, none)).toEqual({
      client: "203.0.113.9",
      proto: "http",
      proxied: false,
    });
    // A proxy that is not on the list is just another client.
    expect(resolveClient({ peer: "10.0.0.6", forwardedFor: "1.2.3.4" }, proxy).client).toBe("10.0.0.6");
  });

  it("reads X-Forwarded-For from the right, skipping trusted hops, when the peer is trusted", () => {
    // The client put 6.6.6.6 first itself; the proxy appended the address it saw.
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "6.6.6.6, 198.51.100.7" }, proxy).client).toBe("198.51.100.7");
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "198.51.100.7, 10.0.0.5" }, proxy).client).toBe("198.51.100.7");
    expect(resolveClient({ peer: "::ffff:10.0.0.5", forwardedFor: ["198.51.100.7"] as unknown as string }, proxy).client).toBe("198.51.100.7");
    // Garbage ends what can be believed: the last good hop stands.
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "198.51.100.7, not-an-ip" }, proxy).client).toBe("10.0.0.5");
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "" }, proxy).client).toBe("10.0.0.5");
  });

  it("takes the scheme only from a trusted proxy, and the nearest proxy's value", () => {
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "1.2.3.4", forwardedProto: "https" }, proxy).proto).toBe("https");
    // A client's "https," in front of what the proxy appended does not win.
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "1.2.3.4", forwardedProto: "https,http" }, proxy).proto).toBe("http");
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "1.2.3.4", forwardedProto: "gopher" }, proxy).proto).toBe("http");
    expect(resolveClient({ peer: "10.0.0.5", forwardedFor: "1.2.3.4", encrypted: true }, proxy).proto).toBe("https");
  });

  it("understands loopback, private, CIDR and IPv6 in the trusted list, and refuses nonsense", () => {
    const list = trustedProxies("loopback, private");
    expect(resolveClient({ peer: "127.0.0.1", forwardedFor: "8.8.8.8" }, list).client).toBe("8.8.8.8");
    expect(resolveClient({ peer: "::1", forwardedFor: "8.8.8.8" }, list).client).toBe("8.8.8.8");
    expect(resolveClient({ peer: "192.168.1.20", forwardedFor: "8.8.8.8" }, list).client).toBe("8.8.8.8");
    expect(resolveClient({ peer: "2001:db8::1", forwardedFor: "2001:db9::7" }, proxy).client).toBe("2001:db9::7");
    expect(() => trustedProxies("example.com")).toThrow(/HAJIME_TRUSTED_PROXIES/);
    expect(() => trustedProxies("10.0.0.0/33")).toThrow(/prefix/);
  });

  it("normalises the forms addresses come in", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("unknown")).toBeUndefined();
    expect(normalizeAddress(undefined)).toBeUndefined();
  });

  it("keys IPv6 clients by their /64, IPv4 by the address", () => {
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("198.51.100.7")).toBe("198.51.100.7");
  });
});
