import { describe, expect, test } from "vitest";
import { blindSpotNotes } from "../../../cli/engine/blind-spots";

describe("blindSpotNotes", () => {
  test("names each blind spot the plan touched once, resources first", () => {
    expect(
      blindSpotNotes(
        [
          "kubernetes:helm.sh/v3:Release",
          "kubernetes:core/v1:Namespace",
          "kubernetes:helm.sh/v3:Release",
        ],
        ["kubernetes:helm:template", "scaleway:kubernetes/getVersion:getVersion"],
      ),
    ).toEqual([
      "Helm releases (kubernetes.helm.v3.Release) are installed by the provider: their charts' objects were not checked, only the images their values name",
      "Helm v3 charts are not rendered offline: the objects of kubernetes.helm.v3.Chart were not checked",
    ]);
  });

  test("adds nothing for a plan without blind spots", () => {
    expect(blindSpotNotes(["scaleway:network/vpc:Vpc"], [])).toEqual([]);
  });
});
