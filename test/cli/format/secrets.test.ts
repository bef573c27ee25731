/**
 * Secrets never leave a run: a secret input's plaintext, a `secure:` config value's ciphertext and a state
 * export's ciphertexts appear in no format, even when policy messages, exemptions and sections quote them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, test } from "vitest";
import type { RecordedResource } from "../../../cli/engine/recorder";
import type { CheckReport, PlannedResource } from "../../../cli/engine/report";
import type { FormatContext } from "../../../cli/format/context";
import { render as junit, xmlEscape } from "../../../cli/format/junit";
import { render as markdown } from "../../../cli/format/markdown";
import { render as sarif } from "../../../cli/format/sarif";
import { secretValuesOf, secureConfigValuesOf } from "./secret-values";
import { readState } from "../../../cli/inputs/state";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "../../fixtures/state", name), "utf8");
const showSecrets = readState(fixture("dotnet-scaleway-show-secrets.json"));
const encrypted = fixture("yaml-stackit.json");

/** A stack file as `pulumi config set --secret` leaves it. */
const STACK_FILE = `
config:
  scaleway:region: nl-ams
  scaleway:secretKey:
    secure: v1:K2lh0Wq8XyZ1mN3b:Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC1zY2FsZXdheS1rZXk=
  sovereign:targets:
    - provider: kubernetes
      vendor: stackit
      kubeconfig:
        secure: v1:Pq7Rs2Tu4Vw6Xy8Z:a3ViZWNvbmZpZy1jaXBoZXJ0ZXh0LWZvci1za2UtdGFyZ2V0
`;
const secureValues = secureConfigValuesOf((parseYaml(STACK_FILE) as { config: unknown }).config);

const planned = (r: RecordedResource): PlannedResource => ({
  urn: r.urn,
  type: r.type,
  name: r.name,
  vendor: r.type.startsWith("scaleway:") ? "scaleway" : "neutral",
  region: "nl-ams",
  country: "NL",
  parent: r.parent ?? null,
  protect: r.protect,
  retainOnDelete: r.retainOnDelete,
});

/** What a careless policy and a careless exemption author would write: every input quoted verbatim. */
function tempting(resources: readonly RecordedResource[]): CheckReport {
  const [first] = resources;
  return {
    project: "shop",
    stack: "staging",
    resources: resources.map(planned),
    violations: resources.map((r) => ({
      pack: "data-protection",
      policy: "secrets-input-configure-secret",
      enforcementLevel: "mandatory" as const,
      urn: r.urn,
      message: `inputs were ${JSON.stringify(r.inputs)}; config had ${secureValues.join(" and ")}`,
    })),
    summary: { resources: resources.length, mandatory: resources.length, advisory: 0 },
    policies: [
      {
        pack: "data-protection",
        policy: "secrets-input-configure-secret",
        description: "Secret inputs are marked secret.",
        enforcementLevel: "mandatory",
        remediationSteps: `Rotate ${secureValues[0] ?? ""}.`,
      },
    ],
    exemptions: [
      {
        policy: "secrets-input-configure-secret",
        resource: first?.name ?? "",
        owner: "dba",
        reason: `password is ${String(resources.find((r) => r.name === "db")?.inputs.password)}`,
        expires: "2031-01-01",
        expired: false,
        matched: [],
      },
    ],
    assumedConfig: [],
    unansweredInvokes: [],
    sections: { fleet: { note: secureValues.join(",") } },
  };
}

const RENDERERS = [
  ["markdown", markdown],
  ["sarif", sarif],
  ["junit", junit],
] as const satisfies readonly (readonly [
  string,
  (report: CheckReport, ctx?: FormatContext) => string,
])[];

/** A value as it could appear in any format: raw, JSON-escaped or XML-escaped. */
const forms = (secret: string) => [secret, JSON.stringify(secret).slice(1, -1), xmlEscape(secret)];

describe("secrets in every format", () => {
  const secrets = [
    ...showSecrets.secretValues,
    ...secretValuesOf(showSecrets.resources),
    ...secureValues,
  ];
  const report = tempting(showSecrets.resources);

  test("the test report does quote the plaintexts and ciphertexts it must hide", () => {
    const text = JSON.stringify(report);
    expect(
      ["Tr0ub4dor&3-staging-db", "5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c", ...secureValues].filter(
        (s) => text.includes(s),
      ),
    ).toHaveLength(4);
  });

  test.each(RENDERERS)(
    "%s prints none of them once the run's secrets are passed",
    (_name, render) => {
      const out = render(report, { secrets });
      const leaked = [
        "Tr0ub4dor&3-staging-db",
        "5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c",
        ...secureValues,
      ]
        .flatMap(forms)
        .filter((s) => out.includes(s));
      expect(leaked).toEqual([]);
      expect(out).toContain("[secret]");
    },
  );

  test.each(RENDERERS)(
    "%s would print them without the secrets, so the check above can fail",
    (_name, render) => {
      expect(render(report).includes("5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c")).toBe(true);
    },
  );

  test.each(RENDERERS)(
    "%s prints no ciphertext of an encrypted state export, even without secrets",
    (_name, render) => {
      const read = readState(encrypted);
      const ciphertexts = [...encrypted.matchAll(/"ciphertext": "([^"]+)"/g)].map(
        (m) => m[1] ?? "",
      );
      const out = render({ ...tempting(read.resources), sections: {} });
      expect(ciphertexts.flatMap(forms).filter((c) => out.includes(c))).toEqual([]);
    },
  );
});
