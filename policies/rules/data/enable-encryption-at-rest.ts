/**
 * Scaleway encrypts a managed database's volumes only when asked (`encryptionAtRest`), and only at creation.
 * OVHcloud managed databases are encrypted at rest by the service and expose no input, so they need no check.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import { kindOf, ofKinds } from "./lib/types";

export const dataDatabaseEnableEncryptionAtRest = definePolicy({
  name: "data-database-enable-encryption-at-rest",
  description: "Every Scaleway managed database instance encrypts its storage at rest.",
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    ofKinds(["scalewayDatabaseInstance"]),
    (args, reportViolation) => {
      if (kindOf(args.type, ["scalewayDatabaseInstance"]) === undefined) return;
      const value: unknown = args.props.encryptionAtRest;
      if (value === true) return;
      reportViolation(
        value === false
          ? "sets encryptionAtRest: false"
          : "sets no encryptionAtRest (Scaleway leaves database volumes unencrypted unless it is true)",
      );
    },
  ),
  severity: "high",
  tags: ["database", "encryption"],
  remediationSteps:
    "Set encryptionAtRest: true on scaleway.databases.Instance when it is created (the Sovereign Deploy Scaleway database adapter's job); an existing unencrypted instance must be recreated from a backup.",
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/databases/instance/",
  pack: "data-protection",
  area: "data",
});
