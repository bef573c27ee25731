// Lint: typescript-eslint strict, Pulumi's Output-in-template rules (type-aware), and the adapter boundary:
// only a provider's own adapter folder may import its cloud SDK.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

const cloudSdks = {
  "@pulumiverse/scaleway": "components/adapters/scaleway",
  "@ovhcloud/pulumi-ovh": "components/adapters/ovhcloud",
};

/** `no-restricted-imports` for every cloud SDK except the one `allowed`. */
const restrictSdks = (allowed) => [
  "error",
  {
    paths: Object.entries(cloudSdks)
      .filter(([name]) => name !== allowed)
      .map(([name, folder]) => ({ name, message: `only ${folder}/ may import ${name}` })),
    patterns: Object.entries(cloudSdks)
      .filter(([name]) => name !== allowed)
      .map(([name, folder]) => ({
        group: [`${name}/*`],
        message: `only ${folder}/ may import ${name}`,
      })),
  },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "coverage/**", "**/*.js", "**/*.cjs", "test/fixtures/**"] },
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
      "no-restricted-imports": restrictSdks(undefined),
    },
  },
  ...Object.entries(cloudSdks).map(([name, folder]) => ({
    files: [`${folder}/**/*.ts`],
    rules: { "no-restricted-imports": restrictSdks(name) },
  })),
  { files: ["test/**/*.ts"], rules: { "no-restricted-imports": "off" } },
);
