/**
 * Known credential inputs of provider and cloud resources must be stored as secrets. CrossGuard unwraps secrets
 * before policies see them, so a policy cannot tell a `config.requireSecret` value from a literal. What it can
 * see is the resource option `additionalSecretOutputs`: a property listed there is encrypted in state whatever
 * was passed. The SDKs list most credential inputs themselves (Scaleway database passwords, secret versions,
 * provider keys); the OVHcloud provider does not, so its API credentials need the option from the program.
 * Default providers (`default_*`) take credentials from stack config or the environment, which no policy sees.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import { DATA_TYPES } from "./lib/types";

/** Per resource type, the inputs that hold a credential. */
const CREDENTIAL_INPUTS: readonly {
  readonly types: readonly string[];
  readonly inputs: readonly string[];
}[] = [
  { types: ["pulumi:providers:scaleway"], inputs: ["accessKey", "secretKey"] },
  {
    types: ["pulumi:providers:ovh"],
    inputs: ["applicationSecret", "consumerKey", "clientSecret", "accessToken"],
  },
  { types: DATA_TYPES.scalewayDatabaseInstance, inputs: ["password", "passwordWo"] },
  { types: DATA_TYPES.scalewayDatabaseUser, inputs: ["password", "passwordWo"] },
  { types: DATA_TYPES.scalewaySecretVersion, inputs: ["data", "dataWo"] },
  {
    types: ["ovh:CloudProject/containerRegistryOIDC:ContainerRegistryOIDC"],
    inputs: ["oidcClientSecret"],
  },
];

/** `urn:…::pulumi:providers:ovh::default_2_19_1` is a default provider. */
const isDefaultProvider = (type: string, name: string) =>
  type.startsWith("pulumi:providers:") && name.startsWith("default");

export const dataCloudEnforceSecretCredentials = definePolicy({
  name: "data-cloud-enforce-secret-credentials",
  description:
    "Every known credential input of a provider or cloud resource (API secrets, database passwords, secret payloads) is listed in additionalSecretOutputs, so it is encrypted in state.",
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => CREDENTIAL_INPUTS.some((e) => e.types.includes(type)),
    (args, reportViolation) => {
      const entry = CREDENTIAL_INPUTS.find((e) => e.types.includes(args.type));
      if (entry === undefined || isDefaultProvider(args.type, args.name)) return;
      const protectedOutputs = args.opts.additionalSecretOutputs ?? [];
      for (const input of entry.inputs) {
        const value: unknown = args.props[input];
        if (value === undefined || value === null || value === "") continue;
        if (!protectedOutputs.includes(input))
          reportViolation(
            `${input} holds a credential but is not in additionalSecretOutputs, so it may be stored in plaintext in state`,
          );
      }
    },
  ),
  severity: "high",
  tags: ["secrets", "state"],
  remediationSteps:
    'Read the credential with `config.requireSecret(...)` and add { additionalSecretOutputs: ["<input>"] } to the resource options (e.g. new ovh.Provider(name, { applicationSecret, consumerKey, … }, { additionalSecretOutputs: ["applicationSecret", "consumerKey"] })), or leave credentials to the provider\'s environment variables.',
  url: "https://www.pulumi.com/docs/iac/concepts/options/additionalsecretoutputs/",
  pack: "data-protection",
  area: "data",
});
