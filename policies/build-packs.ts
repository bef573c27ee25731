/**
 * `npm run build:packs`: one self-contained folder per pack under dist/packs/<pack>/, ready for `pulumi policy
 * publish`, which uploads only the folder it runs in. Each pack's index.ts is bundled with everything it imports
 * (policies/lib, policies/rules, domain/, config/, zod, yaml) into index.js; only @pulumi/policy and @pulumi/pulumi
 * stay external, because the analyzer serves the pack through them and they must be the instances it installs.
 * Data a bundled module reads from disk (the vendored Kubernetes schemas) is copied beside index.js.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, join, relative } from "node:path";
import { build } from "esbuild";

const POLICIES = __dirname;
/** Where `npm run build:packs` writes the packs. */
export const DIST_PACKS = join(POLICIES, "..", "dist", "packs");

/** What the bundle leaves to the pack's own node_modules: the SDKs the analyzer runs the pack with. */
export const RUNTIME_DEPENDENCIES = ["@pulumi/policy", "@pulumi/pulumi"] as const;

const ROOT = join(POLICIES, "..");

/**
 * Data files a bundled module reads at run time from its own folder (`__dirname`, the pack folder once bundled):
 * when the bundle includes the module, each folder is copied beside index.js under its own name.
 */
const BUNDLED_DATA: Readonly<Record<string, readonly string[]>> = {
  "config/kubernetes/sources.ts": ["config/kubernetes/openapi", "config/kubernetes/crds"],
};

/** Source files the bundle replaces; everything else in a pack folder (PulumiPolicy.yaml, examples) is copied. */
const SOURCE_ONLY = new Set(["index.ts", "tsconfig.json", "package.json", "node_modules"]);

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

/** Every pack folder of policies/: the ones holding a PulumiPolicy.yaml. */
export function packNames(): string[] {
  return readdirSync(POLICIES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(POLICIES, e.name, "PulumiPolicy.yaml")))
    .map((e) => e.name)
    .sort();
}

/** The published package.json: the pack's name and version, and only the dependencies the bundle leaves out. */
export function publishedManifest(manifest: Manifest, file: string): Record<string, unknown> {
  const dependencies = Object.fromEntries(
    RUNTIME_DEPENDENCIES.map((name) => {
      const range = manifest.dependencies?.[name];
      if (range === undefined) throw new Error(`${file}: dependencies.${name} is missing`);
      return [name, range];
    }),
  );
  return {
    name: manifest.name,
    version: manifest.version,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    license: manifest.license ?? "Apache-2.0",
    private: true,
    main: "index.js",
    dependencies,
  };
}

/** Builds pack `name` into `<outRoot>/<name>` (replacing what was there) and returns that folder. */
export async function buildPack(name: string, outRoot: string = DIST_PACKS): Promise<string> {
  const source = join(POLICIES, name);
  const out = join(outRoot, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { metafile } = await build({
    metafile: true,
    entryPoints: [join(source, "index.ts")],
    outfile: join(out, "index.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: [...RUNTIME_DEPENDENCIES],
    banner: { js: `// Built from policies/${name}/index.ts by npm run build:packs; do not edit.` },
    logLevel: "silent",
  });
  const inputs = Object.keys(metafile.inputs).map((file) =>
    relative(ROOT, join(process.cwd(), file)),
  );
  for (const [module, folders] of Object.entries(BUNDLED_DATA)) {
    if (!inputs.includes(module)) continue;
    for (const folder of folders)
      cpSync(join(ROOT, folder), join(out, basename(folder)), { recursive: true });
  }
  const manifestFile = join(source, "package.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const published = publishedManifest(manifest, `policies/${name}/package.json`);
  writeFileSync(join(out, "package.json"), `${JSON.stringify(published, null, 2)}\n`);
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.isFile() && !SOURCE_ONLY.has(entry.name))
      copyFileSync(join(source, entry.name), join(out, entry.name));
  }
  return out;
}

/** Builds every pack; returns their folders. */
export async function buildPacks(outRoot: string = DIST_PACKS): Promise<string[]> {
  const built: string[] = [];
  for (const name of packNames()) built.push(await buildPack(name, outRoot));
  return built;
}

if (require.main === module) {
  buildPacks().then(
    (dirs) => console.log(dirs.map((d) => `built ${d}`).join("\n")),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
