/**
 * Compliance frameworks policies cite in their metadata, so reports and SARIF group violations by control.
 */
import { FRAMEWORK } from "../../config/catalog/assurance";

/** GDPR Chapter V: personal data leaves the EU only to adequate or safeguarded destinations. */
export const GDPR_TRANSFERS = {
  name: "GDPR",
  version: "2016/679",
  reference: "Chapter V (Art. 44-49): transfers of personal data to third countries",
} as const;

/** The Commission's Cloud Sovereignty Framework: SEAL levels per sovereignty objective. */
export const CLOUD_SOVEREIGNTY_FRAMEWORK = {
  name: FRAMEWORK.name,
  version: FRAMEWORK.version,
  reference: FRAMEWORK.url,
} as const;
