// Lint: typescript-eslint strict, Pulumi's Output-in-template rules (type-aware), and two boundaries by folder:
// only a provider's own adapter folder may import its cloud SDK, and the layers point one way
// (config/ < domain/ < components/, policies/ < cli/; README "What it is made of").
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

const cloudSdks = {
  "@pulumiverse/scaleway": "components/adapters/scaleway",
  "@ovhcloud/pulumi-ovh": "components/adapters/ovhcloud",
};

/** The folders each layer must not import (relative paths name them as a path segment). */
const layers = {
  config: ["domain", "components", "policies", "cli", "stacks"],
  domain: ["components", "policies", "cli", "stacks"],
  components: ["policies", "cli", "stacks"],
  policies: ["components", "cli", "stacks"],
  cli: ["stacks"],
};
const layerOf = (folder) => folder.split("/")[0];
/** The pure layers declare no resources and run no policies: no Pulumi SDK at all. */
const pure = new Set(["config", "domain"]);

/** `no-restricted-imports` for every cloud SDK except the one `allowed`, and the layers above `folder`. */
const restrictions = (folder, allowed) => {
  const sdks = Object.entries(cloudSdks).filter(([name]) => name !== allowed);
  const message = (name, owner) => `only ${owner}/ may import ${name}`;
  const above = layers[layerOf(folder)] ?? [];
  return [
    "error",
    {
      paths: sdks.map(([name, owner]) => ({ name, message: message(name, owner) })),
      patterns: [
        ...sdks.map(([name, owner]) => ({ group: [`${name}/*`], message: message(name, owner) })),
        ...(pure.has(layerOf(folder))
          ? [
              {
                group: ["@pulumi/*", "@pulumiverse/*"],
                message: `${layerOf(folder)}/ is pure: no Pulumi SDK`,
              },
            ]
          : []),
        ...above.map((layer) => ({
          group: [`**/${layer}`, `**/${layer}/**`],
          message: `${layerOf(folder)}/ must not import ${layer}/: layers point down (config < domain < components, policies < cli)`,
        })),
      ],
    },
  ];
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "coverage/**",
      "dist/**",
      "**/*.js",
      "**/*.cjs",
      "test/fixtures/**",
    ],
  },
  ...tseslint.configs.strict,
  {
    files: ["**/*.ts", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { pulumi },
    rules: {
      "pulumi/no-output-in-template-literal": "error",
      "pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-imports": restrictions("", undefined),
    },
  },
  ...Object.keys(layers).map((layer) => ({
    files: [`${layer}/**/*.ts`],
    rules: { "no-restricted-imports": restrictions(layer, undefined) },
  })),
  ...Object.entries(cloudSdks).map(([name, folder]) => ({
    files: [`${folder}/**/*.ts`],
    rules: { "no-restricted-imports": restrictions(folder, name) },
  })),
  // The state bucket's bootstrap is a program of its own that names its cloud, as an adapter does.
  {
    files: ["stacks/state-backend/**/*.ts"],
    rules: {
      "no-restricted-imports": restrictions("stacks/state-backend", "@pulumiverse/scaleway"),
    },
  },
  { files: ["test/**/*.ts"], rules: { "no-restricted-imports": "off" } },
);
