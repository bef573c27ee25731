/**
 * ConfigMaps are for configuration anyone in the namespace may read; a key named like a credential, or a value
 * that is a URI with a password, belongs in a Secret. Keys are judged by name only, so a value that is unknown
 * during preview does not stop the check.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import {
  CREDENTIAL_NAME_DEFAULTS,
  credentialNameSchema,
  credentialWordOf,
  embedsUriPassword,
  type CredentialNameConfig,
} from "./lib/credentials";
import { configMapKeys, configMapValues, isConfigMap } from "./lib/kubernetes-values";

export const dataConfigmapDisallowCredentials = definePolicy({
  name: "data-configmap-disallow-credentials",
  description:
    "No ConfigMap holds a credential: no key named like a password, secret, token or key, and no value that is a URI with a password.",
  configSchema: { properties: { ...credentialNameSchema } },
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(isConfigMap, (args, reportViolation) => {
    if (!isConfigMap(args.type)) return;
    const props = args.props as Record<string, unknown>;
    const cfg = { ...CREDENTIAL_NAME_DEFAULTS, ...args.getConfig<Partial<CredentialNameConfig>>() };
    const named = new Set<string>();
    for (const { name, where } of configMapKeys(args.type, props)) {
      const word = credentialWordOf(name, cfg);
      if (word === undefined) continue;
      named.add(where);
      reportViolation(`${where} is named like a credential (${word})`);
    }
    for (const { value, where } of configMapValues(args.type, props))
      if (!named.has(where) && embedsUriPassword(value))
        reportViolation(`${where} embeds a password in a URI`);
  }),
  severity: "high",
  tags: ["secrets", "kubernetes"],
  remediationSteps:
    "Move the entry to a Kubernetes Secret and mount or reference it from there (env valueFrom.secretKeyRef, envFrom.secretRef or a secret volume). A key that only looks like a credential can be excluded with this policy's `referenceSuffixes`.",
  url: "https://kubernetes.io/docs/concepts/configuration/configmap/",
  pack: "data-protection",
  area: "data",
});
