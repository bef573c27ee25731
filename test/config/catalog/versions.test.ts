import { describe, expect, it } from "vitest";
import { VERSIONS, VERSION_SOURCES } from "../../../config/catalog/offerings";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { KUBERNETES_RELEASES, supportedMinors } from "../../../config/catalog/kubernetes-releases";
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

describe("OVHcloud MKS version (a constant: no data source to ask)", () => {
  /** "a new minor version will be offered by OVHcloud in the 3 months following it declared stable" (eos-eol-policies). */
  const OFFERED_WITHIN_DAYS = 92;

  it("names a minor that came out upstream long enough before the check for MKS to offer it", () => {
    const released = KUBERNETES_RELEASES.find((r) => r.minor === VERSIONS.kubernetes)?.released;
    const days = (Date.parse(CHECKED) - Date.parse(released ?? CHECKED)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(OFFERED_WITHIN_DAYS);
  });

  it("has no MKS version getter in the installed @ovhcloud/pulumi-ovh to use instead (a newer SDK with one fails this)", () => {
    const root = dirname(require.resolve("@ovhcloud/pulumi-ovh/package.json"));
    const getters = ["", "/cloudproject"].flatMap((dir) =>
      readdirSync(`${root}${dir}`).filter((f) => /^get.*\.d\.ts$/.test(f)),
    );
    expect(getters.filter((f) => /kube/i.test(f) && /version/i.test(f))).toEqual([]);
    // The directory read is the right one: the cluster getters are there.
    expect(getters).toContain("getKube.d.ts");
  });
});
