import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { invokeShapes } from "../../../../cli/engine/canned/invoke-shapes";
import { TOOLKIT_ROOT } from "../../../../cli/engine/loader";
import { INVOKE_PLACEHOLDER } from "../../../../domain/offline-placeholders";

const shape = invokeShapes([path.join(TOOLKIT_ROOT, "package.json")]);
const P = INVOKE_PLACEHOLDER;

describe("invokeShapes", () => {
  test("answers every required field of the SDK's result type, one element per list, nested outputs expanded", () => {
    expect(shape("scaleway:network/getVpcs:getVpcs")).toEqual({
      id: P,
      organizationId: P,
      projectId: P,
      vpcs: [
        {
          createdAt: P,
          id: P,
          isDefault: false,
          name: P,
          organizationId: P,
          projectId: P,
          tags: [P],
          updateAt: P,
        },
      ],
    });
  });

  test("reads a placeholder that programs can also parse as JSON", () => {
    expect(JSON.parse(P)).toBe("offline-placeholder:invoke-result");
  });

  test.each([
    ["a function the SDK does not declare", "scaleway:network/getNothing:getNothing"],
    ["a package no installed SDK holds", "acme:storage/getBucket:getBucket"],
  ])("answers nothing for %s", (_case, token) => {
    expect(shape(token)).toBeUndefined();
  });
});
