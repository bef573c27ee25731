/**
 * Public certificate authorities that speak ACME, as data: who runs each, where (the country of its legal seat),
 * how its directory URL is recognised, whether it needs external account binding (EAB), and where that was read.
 * The certificate issuer of `sovereign:certificates` is placed through this table; an unknown server cannot be.
 */

export interface AcmeAuthority {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 country of the CA's legal seat. */
  readonly country: string;
  /** Matches the CA's ACME directory URLs (anchored). */
  readonly directory: RegExp;
  /** A directory URL to show in docs and messages. */
  readonly example: string;
  /** The CA issues only to accounts bound to a customer account (RFC 8555 §7.3.4). */
  readonly externalAccountBinding: boolean;
  readonly source: string;
}

export const ACME_AUTHORITIES = {
  harica: {
    id: "harica",
    name: "HARICA (Hellenic Academic and Research Institutions CA)",
    country: "GR",
    // The path carries the customer's alias: https://acme.harica.gr/<alias>/directory.
    directory: /^https:\/\/acme\.harica\.gr\/[A-Za-z0-9_-]+\/directory$/,
    example: "https://acme.harica.gr/<alias>/directory",
    externalAccountBinding: true,
    source:
      "https://doku.tid.dfn.de/de:dfnpki:tcs:2025:acme (HARICA ACME with EAB key id and HMAC key; URL per account)",
  },
  actalis: {
    id: "actalis",
    name: "Actalis S.p.A.",
    country: "IT",
    directory: /^https:\/\/acme-api\.actalis\.com\/acme\/directory$/,
    example: "https://acme-api.actalis.com/acme/directory",
    externalAccountBinding: true,
    source:
      "https://guide.actalis.com/ssl-certificate/acme.aspx (ACME for DV certificates, EAB credentials from the customer area)",
  },
  letsencrypt: {
    id: "letsencrypt",
    name: "Let's Encrypt (ISRG)",
    country: "US",
    directory: /^https:\/\/acme(-staging)?-v02\.api\.letsencrypt\.org\/directory$/,
    example: "https://acme-v02.api.letsencrypt.org/directory",
    externalAccountBinding: false,
    source: "https://letsencrypt.org/docs/acme-protocol-updates/",
  },
} as const satisfies Record<string, AcmeAuthority>;
export type AcmeAuthorityId = keyof typeof ACME_AUTHORITIES;

/** The CA whose directory `server` is, or undefined when the catalog cannot place it. */
export function acmeAuthorityOf(server: string): AcmeAuthority | undefined {
  return Object.values(ACME_AUTHORITIES).find((ca: AcmeAuthority) => ca.directory.test(server));
}
