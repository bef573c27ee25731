import { describe, expect, test } from "vitest";
import { endpointAcmeIssuerEnforceEuCa as policy } from "../../../../policies/rules/endpoint/enforce-eu-ca";
import { servedPack } from "../../../../policies/packs";
import { runPack, UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import { EU_KUBE_PROVIDER } from "../../fixtures/kubernetes";
import { deferred, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "endpoint-acme-issuer-enforce-eu-ca";
const FIX =
  "Point spec.acme.server at a CA seated in the EU (HARICA (Hellenic Academic and Research Institutions CA), GR: https://acme.harica.gr/<alias>/directory; Actalis S.p.A., IT: https://acme-api.actalis.com/acme/directory; both need external account binding, sovereign:certificates.externalAccount), or list the directory in allowedServers in this policy's config.";
const LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";

const issuer = (server: unknown, kind = "ClusterIssuer"): ResourceSpec => ({
  type: `kubernetes:cert-manager.io/v1:${kind}`,
  props: {
    metadata: { name: "sovereign-acme" },
    spec: { acme: { server, privateKeySecretRef: { name: "k" } } },
  },
  provider: EU_KUBE_PROVIDER,
});

describe(NAME, () => {
  test.each([
    ["Actalis (IT)", "https://acme-api.actalis.com/acme/directory"],
    ["HARICA (GR)", "https://acme.harica.gr/acme-shop/directory"],
  ])("passes an issuer of %s", async (_ca, server) => {
    expect(await validate(policy, issuer(server))).toEqual({ violations: [] });
  });

  test("passes issuers that speak no ACME (a cluster-internal CA)", async () => {
    const spec = { ...issuer(undefined), props: { spec: { ca: { secretName: "root" } } } };
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("reports Let's Encrypt, seated in the US, naming the CA and the EU alternatives", async () => {
    expect(await validate(policy, issuer(LETS_ENCRYPT, "Issuer"))).toEqual({
      violations: [
        `ACME server '${LETS_ENCRYPT}' is Let's Encrypt (ISRG), seated in US (a third country), outside the allowed group 'eu': issuing and renewing this cluster's certificates depends on it. ${FIX}`,
      ],
    });
  });

  test("fails closed on an ACME server the catalog cannot place", async () => {
    const server = "https://acme.example.com/directory";
    expect(await validate(policy, issuer(server))).toEqual({
      violations: [
        `ACME server '${server}' cannot be placed: it is no CA in the catalog (config/catalog/certificate-authorities.ts), so who issues this cluster's certificates, and where, is unknown. ${FIX}`,
      ],
    });
  });

  test("passes a server the pack config lists", async () => {
    const server = "https://acme.ca.example.eu/directory";
    expect(
      await validate(policy, issuer(server), { [NAME]: { allowedServers: [server] } }),
    ).toEqual({ violations: [] });
  });

  test("leaves a server unknown during preview to the engine", async () => {
    expect(await validate(policy, issuer(UNKNOWN))).toEqual({
      violations: [],
      deferred: deferred(NAME, `spec.acme.server is ${PREVIEW_UNKNOWN}`),
    });
  });
});

describe(`${NAME} in the eu-sovereignty pack`, () => {
  const { args } = servedPack("eu-sovereignty", {});
  const levels = async (config = {}) =>
    (await runPack(args.policies, issuer(LETS_ENCRYPT), config, args.enforcementLevel)).map(
      (v) => `${v.level}: ${v.policy}`,
    );

  test("is advisory by default, in a pack whose other policies are mandatory", async () => {
    expect(args.enforcementLevel).toBe("mandatory");
    expect(await levels()).toEqual([`advisory: ${NAME}`]);
  });

  test("is mandatory when the pack config says so", async () => {
    expect(await levels({ [NAME]: "mandatory" })).toEqual([`mandatory: ${NAME}`]);
    expect(await levels({ [NAME]: { enforcementLevel: "mandatory" } })).toEqual([
      `mandatory: ${NAME}`,
    ]);
  });
});
