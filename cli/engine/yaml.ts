/** The `yaml` package, loaded on first use: `sovereign --help` and the engine's import stay fast. */
import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

let loaded: typeof YamlModule | undefined;

export function yaml(): typeof YamlModule {
  loaded ??= createRequire(__filename)("yaml") as typeof YamlModule;
  return loaded;
}
