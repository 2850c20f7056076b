import { producedValue } from "./lazy";
import { Token } from "cdktf";
import { ExportConfigError, describeValue } from "../model/errors";

/** A range at least this wide (a /15 or shorter prefix: 131,072 addresses or more) is broad for a firewall that lets readers in. */
const BROAD_PREFIX = 15;

/** An IPv4 firewall entry, read. */
export interface Ipv4Range {
  /** The entry as given. */
  readonly text: string;
  /** Its prefix length (32 for a single address). */
  readonly prefix: number;
}

/**
 * Reads an Event Hubs IP firewall entry: an IPv4 address or a CIDR range (`ipMask` of the namespace's
 * network rule set: "a single IPv4 address or a block of IP addresses in CIDR notation", Microsoft's
 * "Allow access from specific IP addresses or ranges" page for Event Hubs, checked 2026-12). Each octet
 * 0-255 without leading zeros, a prefix 0-32. Throws DFE223 for anything else; undefined for a token.
 */
export function readIpv4Range(field: string, given: unknown): Ipv4Range | undefined {
  const value = producedValue(field, given);
  if (typeof value === "string" && Token.isUnresolved(value)) return undefined;
  const match = typeof value === "string" ? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(value) : null;
  const octets = match ? match.slice(1, 5) : [];
  const prefix = match?.[5] === undefined ? 32 : Number(match[5]);
  const valid =
    match !== null && octets.every((o) => Number(o) <= 255 && (o === "0" || !o.startsWith("0"))) && prefix <= 32 && !/^0\d/.test(match[5] ?? "");
  if (!valid) {
    throw new ExportConfigError(
      "DFE223",
      `\`${field}\` takes IPv4 addresses or CIDR ranges (octets 0 to 255, a prefix from /0 to /32) such as "203.0.113.0/24", got ${describeValue(value)}.`,
    );
  }
  return { text: value as string, prefix };
}

/** Whether a range lets a broad part of the internet in (0.0.0.0/0 included). */
export function isBroad(range: Ipv4Range): boolean {
  return range.prefix <= BROAD_PREFIX;
}
