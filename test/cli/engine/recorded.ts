/** Hand-built recorded resources for engine unit tests: every field the recorder sets, overridable. */
import { NO_OPTIONS, type RecordedResource } from "../../../cli/engine/recorder";

export const STACK_URN = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";

/** A resource as the recorder would record it; `urn` is derived from type and name unless given. */
export function recorded(
  fields: Partial<RecordedResource> & Pick<RecordedResource, "type" | "name">,
): RecordedResource {
  return {
    urn: `urn:pulumi:dev::shop::${fields.type}::${fields.name}`,
    custom: true,
    id: `${fields.name}-id`,
    parent: STACK_URN,
    provider: undefined,
    inputs: {},
    secretPaths: [],
    unknownPaths: [],
    ...NO_OPTIONS,
    version: "",
    pluginDownloadURL: "",
    outputs: {},
    ...fields,
  };
}

export const stackResource = (): RecordedResource =>
  recorded({
    type: "pulumi:pulumi:Stack",
    name: "shop-dev",
    urn: STACK_URN,
    custom: false,
    parent: undefined,
  });
