/**
 * `sovereign:certificates`: the ACME CA every target's cert-manager asks for the Ingresses' certificates. Any ACME
 * server works; the catalog (config/catalog/certificate-authorities.ts) places the known ones and says which need
 * external account binding.
 */
import { z } from "zod";
import { ACME_AUTHORITIES, acmeAuthorityOf } from "./catalog/certificate-authorities";
import { configKey } from "./primitives";

export const certificatesSchema = z
  .object({
    /** ACME directory URL. @default - Let's Encrypt production */
    server: z.url({ protocol: /^https$/ }).default(ACME_AUTHORITIES.letsencrypt.example),
    /** Contact address of the ACME account (expiry notices). @default - none */
    email: z.email().optional(),
    /** External account binding, which HARICA and Actalis require: the key id and the secret key of the HMAC key. */
    externalAccount: z
      .object({
        /** EAB key id (not secret). */
        keyId: z.string().min(1),
        /** Secret config key (in `sovereign:`) holding the base64url HMAC key. */
        hmacKeySecret: configKey,
      })
      .strict()
      .optional(),
  })
  .strict();
export type CertificatesConfig = z.output<typeof certificatesSchema>;

export const CERTIFICATES_DEFAULTS: CertificatesConfig = {
  server: ACME_AUTHORITIES.letsencrypt.example,
};

/** Problems of the certificates config against the CA catalog: a CA that needs EAB and got none. */
export function certificateIssues(
  certs: CertificatesConfig,
): { path: (string | number)[]; message: string; input?: unknown }[] {
  const ca = acmeAuthorityOf(certs.server);
  if (ca?.externalAccountBinding && certs.externalAccount === undefined)
    return [
      {
        path: ["certificates", "externalAccount"],
        input: undefined,
        message: `is required by ${ca.name}, which binds ACME accounts to a customer account; set keyId and hmacKeySecret from the CA's customer area`,
      },
    ];
  return [];
}
