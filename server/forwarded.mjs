// Who is on the other end of a request, as far as this server can trust it.
//
// By default the client is the TCP peer: X-Forwarded-For / X-Forwarded-Proto are headers any
// client can send, so they are honoured only when the peer is a configured trusted proxy
// (HAJIME_TRUSTED_PROXIES). Then X-Forwarded-For is read from the right, skipping trusted
// hops: the first address a trusted proxy did not vouch for is the client.
import { BlockList, isIP } from "node:net";

/** The request header the front door (./main.mjs) puts the resolved client address in. */
export const CLIENT_HEADER = "x-hajime-client";
/** Set on globalThis by ./main.mjs: CLIENT_HEADER and x-forwarded-proto were set by it. */
export const FRONT_DOOR = Symbol.for("hajime.frontDoor");

/** "127.0.0.1, 10.0.0.0/8, ::1, loopback, private" → a BlockList of trusted proxy addresses. */
export function trustedProxies(spec = "") {
  const list = new BlockList();
  const add = (entry) => {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      return;
    }
    if (entry === "private") {
      list.addSubnet("10.0.0.0", 8, "ipv4");
      list.addSubnet("172.16.0.0", 12, "ipv4");
      list.addSubnet("192.168.0.0", 16, "ipv4");
      list.addSubnet("fc00::", 7, "ipv6");
      return;
    }
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`HAJIME_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range, "loopback" or "private"`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`HAJIME_TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
      }
      list.addSubnet(address, prefix, type);
    }
  };
  for (const entry of spec.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) add(entry);
  return list;
}

/** "::ffff:10.1.2.3" → "10.1.2.3"; "[::1]:443" / "10.1.2.3:80" → the address; anything else → undefined. */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return undefined;
  let a = raw.trim();
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, "");
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : undefined;
}

function isTrusted(list, address) {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address and scheme for a request that reached us from `peer` with these headers.
 * `proxied` says whether a trusted proxy stood in between.
 */
export function resolveClient({ peer, forwardedFor, forwardedProto, encrypted = false }, trusted) {
  const peerAddress = normalizeAddress(peer) ?? "unknown";
  const ownProto = encrypted ? "https" : "http";
  if (peerAddress === "unknown" || !isTrusted(trusted, peerAddress)) {
    return { client: peerAddress, proto: ownProto, proxied: false };
  }
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let client = peerAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A hop that is not an address (garbage, "unknown", a name) ends what can be believed.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  // The scheme the nearest proxy saw: the last value (a proxy that appends puts its own last).
  const last = String(forwardedProto ?? "").split(",").map((p) => p.trim().toLowerCase()).filter(Boolean).pop();
  const proto = last === "https" || last === "http" ? last : ownProto;
  return { client, proto, proxied: true };
}

/** What rate limits key on: the address, or its /64 for IPv6 (one host usually owns a whole /64). */
export function limitKey(address) {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIpv6(address) {
  const [head, tail] = address.split("::");
  const parse = (s) => (s ? s.split(":") : []);
  let groups;
  if (tail === undefined) groups = parse(head);
  else {
    const h = parse(head);
    const t = parse(tail);
    groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  }
  if (groups.length !== 8 || groups.some((g) => g.includes("."))) return undefined;
  return groups.map((g) => g.replace(/^0+(?=.)/, "").toLowerCase());
}
