/**
 * A credential in a plain env `value` sits in the pod spec: readable by anyone who may read the Deployment, kept
 * in Pulumi state and in every rendered manifest. CrossGuard unwraps secrets before policies see them, so whether
 * the program marked the value secret is not observable; what is observable is that it sits in `value` instead
 * of `valueFrom.secretKeyRef`. A variable counts as a credential by its name, or when its value is a URI with a
 * password in it.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import {
  CREDENTIAL_NAME_DEFAULTS,
  credentialNameSchema,
  credentialWordOf,
  embedsUriPassword,
  type CredentialNameConfig,
} from "./lib/credentials";
import { isPodBearing } from "../../../domain/pods";
import { envValues } from "./lib/kubernetes-values";

export const dataContainerDisallowPlaintextCredentials = definePolicy({
  name: "data-container-disallow-plaintext-credentials",
  description:
    "No container of a pod-bearing Kubernetes resource gets a credential (a password, secret, token or key by name, or a URI with a password) as a plain env value.",
  configSchema: { properties: { ...credentialNameSchema } },
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(isPodBearing, (args, reportViolation) => {
    const values = envValues(args.type, args.props as Record<string, unknown>);
    if (values.length === 0) return;
    const cfg = { ...CREDENTIAL_NAME_DEFAULTS, ...args.getConfig<Partial<CredentialNameConfig>>() };
    for (const { name, value, where } of values) {
      if (value === "") continue;
      const word = credentialWordOf(name, cfg);
      if (word !== undefined)
        reportViolation(`${where} holds a plain value, and its name marks a credential (${word})`);
      else if (embedsUriPassword(value)) reportViolation(`${where} embeds a password in a URI`);
    }
  }),
  severity: "high",
  tags: ["secrets", "kubernetes"],
  remediationSteps:
    "Put the value in a Kubernetes Secret and read it with env[].valueFrom.secretKeyRef (or envFrom.secretRef). In Sovereign Deploy keep credentials out of `sovereign:workloads[].env`: platform connections arrive through Secrets already. A name that only looks like a credential can be excluded with this policy's `referenceSuffixes`.",
  url: "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables",
  pack: "data-protection",
  area: "data",
});
