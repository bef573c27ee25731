import { describe, expect, it } from "vitest";
import { VERSIONS, VERSION_SOURCES } from "../../../config/catalog/offerings";
import { supportedMinors } from "../../../config/catalog/kubernetes-releases";
import { SCHEMA_VERSIONS } from "../../../config/kubernetes/sources";

/** The day VERSION_SOURCES were last checked; a newer check moves it and re-runs these assertions. */
const CHECKED = "2026-12-02";

describe("VERSIONS", () => {
  it("names a Kubernetes minor upstream still patches on the day it was checked", () => {
    expect(supportedMinors(CHECKED)).toContain(VERSIONS.kubernetes);
  });

  it("names a Kubernetes minor whose upstream schema is vendored, so the offline schema check can judge it", () => {
    expect(SCHEMA_VERSIONS).toContain(VERSIONS.kubernetes);
  });

  it("says for every version where and when it was checked", () => {
    for (const key of Object.keys(VERSIONS) as (keyof typeof VERSIONS)[])
      expect(VERSION_SOURCES[key]).toMatch(new RegExp(`checked ${CHECKED}|Checked ${CHECKED}`));
  });

  it("keeps the CloudNativePG image on the configured PostgreSQL major", () => {
    expect(VERSIONS.cloudNativePgImageTag.split(".")[0]).toBe(VERSIONS.cloudNativePgPostgres);
  });
});
