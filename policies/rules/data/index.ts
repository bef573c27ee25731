/** The data-protection pack's rules: private, versioned, encrypted storage; backed-up, closed databases; secrets. */
import type { SovereignPolicy } from "../../lib/define";
import { dataBucketDisallowPublicAccess } from "./disallow-public-access";
import { dataBucketEnableEncryption } from "./enable-encryption";
import { dataBucketEnableVersioning } from "./enable-versioning";
import { dataBucketMissingEncryptionConfiguration } from "./missing-encryption-configuration";
import { dataCloudEnforceSecretCredentials } from "./enforce-secret-credentials";
import { dataConfigmapDisallowCredentials } from "./disallow-credentials";
import { dataContainerDisallowPlaintextCredentials } from "./disallow-plaintext-credentials";
import { dataDatabaseDisallowInternetAccess } from "./disallow-internet-access";
import { dataDatabaseEnableBackups } from "./enable-backups";
import { dataDatabaseEnableEncryptionAtRest } from "./enable-encryption-at-rest";
import { dataPostgresEnforceTls } from "./enforce-tls";
import { dataStatefulEnforceProtection } from "./enforce-protection";

export {
  dataBucketDisallowPublicAccess,
  dataBucketEnableEncryption,
  dataBucketEnableVersioning,
  dataBucketMissingEncryptionConfiguration,
  dataCloudEnforceSecretCredentials,
  dataConfigmapDisallowCredentials,
  dataContainerDisallowPlaintextCredentials,
  dataDatabaseDisallowInternetAccess,
  dataDatabaseEnableBackups,
  dataDatabaseEnableEncryptionAtRest,
  dataPostgresEnforceTls,
  dataStatefulEnforceProtection,
};

/** Every data-protection policy, in report order. */
export const dataPolicies: SovereignPolicy[] = [
  dataBucketDisallowPublicAccess,
  dataBucketEnableVersioning,
  dataBucketEnableEncryption,
  dataBucketMissingEncryptionConfiguration,
  dataDatabaseEnableBackups,
  dataDatabaseEnableEncryptionAtRest,
  dataDatabaseDisallowInternetAccess,
  dataPostgresEnforceTls,
  dataStatefulEnforceProtection,
  dataContainerDisallowPlaintextCredentials,
  dataConfigmapDisallowCredentials,
  dataCloudEnforceSecretCredentials,
];
