/**
 * Default providers, synthesised as the engine would: a custom resource registered without an explicit provider
 * gets `pulumi:providers:<pkg>::default_<major>_<minor>_<patch>[_<plugin URL>]`, one per package, version and
 * plugin URL, whose inputs are the package's stack config (`scaleway:region` → `region`) plus `version`.
 * Reads, invokes and multi-language (remote) components without a provider get one too, as the engine's
 * resource monitor does (pkg/resource/deploy/source_eval.go). Mocks never register these (PROVIDERS.md §3.2),
 * yet policies read and judge them.
 */
import { packageOfType } from "../../config/catalog/vendors";
import { packageConfig, type ProgramConfig } from "./config";
import { NO_OPTIONS, UNKNOWN, type DefaultProviderUse, type RecordedResource } from "./recorder";

const PROVIDER_PREFIX = "pulumi:providers:";

/** True for provider resources (`pulumi:providers:<pkg>`), explicit or default. */
export function isProviderType(type: string): boolean {
  return type.startsWith(PROVIDER_PREFIX);
}

/** The engine's `tokens.IntoQName`: every character outside `[A-Za-z0-9_.-]` becomes `_`, empty segments drop. */
function intoQName(text: string): string {
  const segments = text
    .split("/")
    .filter((s) => s !== "")
    .map((s) => s.replace(/[^A-Za-z0-9_.-]/g, "_"));
  return segments.length === 0 ? "_" : segments.join("/");
}

/** `default_1_54_0_github_/api.github.com/pulumiverse`, as `ProviderRequest.DefaultName()` builds it. */
export function defaultProviderName(version: string, pluginDownloadURL: string): string {
  const semver = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(
    version,
  );
  let name = "default";
  if (semver) {
    const [, major, minor, patch, pre, build] = semver;
    name += `_${major ?? ""}_${minor ?? ""}_${patch ?? ""}`;
    for (const part of [...(pre?.split(".") ?? []), ...(build?.split(".") ?? [])])
      name += `_${part}`;
  }
  if (pluginDownloadURL) name += `_${intoQName(pluginDownloadURL)}`;
  return name;
}

/** Whether the engine serves this with a default provider: no explicit provider, not built in. */
function needsDefaultProvider(token: string): boolean {
  return !isProviderType(token) && packageOfType(token) !== "pulumi";
}

interface Where {
  readonly project: string;
  /** Short stack name, as in URNs. */
  readonly stack: string;
}

function makeProvider(
  pkg: string,
  source: DefaultProviderUse,
  config: ProgramConfig,
  where: Where,
): RecordedResource {
  const name = defaultProviderName(source.version, source.pluginDownloadURL);
  const type = `${PROVIDER_PREFIX}${pkg}`;
  const inputs: Record<string, unknown> = { ...packageConfig(config, pkg) };
  if (source.version) inputs.version = source.version;
  if (source.pluginDownloadURL) inputs.pluginDownloadURL = source.pluginDownloadURL;
  const secretKeys = new Set(config.secretKeys);
  return {
    urn: `urn:pulumi:${where.stack}::${where.project}::${type}::${name}`,
    type,
    name,
    custom: true,
    id: UNKNOWN,
    parent: undefined,
    provider: undefined,
    inputs,
    secretPaths: Object.keys(inputs).filter((k) => secretKeys.has(`${pkg}:${k}`)),
    unknownPaths: [],
    ...NO_OPTIONS,
    version: source.version,
    pluginDownloadURL: source.pluginDownloadURL,
    outputs: inputs,
  };
}

/**
 * The recorded resources with the default providers added, each just before its first user (the ones only reads
 * and invokes use, after every resource), and every custom resource that needed one pointing at it
 * (`provider` = `<urn>::<id>`; the id is unknown during a preview). A remote component keeps no provider, as in
 * the engine's state, where the provider plugin registers it.
 */
export function withDefaultProviders(
  resources: readonly RecordedResource[],
  config: ProgramConfig,
  where: Where,
  uses: readonly DefaultProviderUse[] = [],
): RecordedResource[] {
  const providers = new Map<string, RecordedResource>();
  const out: RecordedResource[] = [];
  const providerFor = (use: DefaultProviderUse): RecordedResource => {
    const pkg = packageOfType(use.token);
    const key = `${pkg}\u0000${use.version}\u0000${use.pluginDownloadURL}`;
    let provider = providers.get(key);
    if (!provider) {
      provider = makeProvider(pkg, use, config, where);
      providers.set(key, provider);
      out.push(provider);
    }
    return provider;
  };
  for (const r of resources) {
    const served = (r.custom || r.remote === true) && r.provider === undefined;
    if (!served || !needsDefaultProvider(r.type)) {
      out.push(r);
      continue;
    }
    const provider = providerFor({ ...r, token: r.type });
    out.push(r.custom ? { ...r, provider: `${provider.urn}::${provider.id}` } : r);
  }
  for (const use of uses) if (needsDefaultProvider(use.token)) providerFor(use);
  return out;
}

/** The URN part of a provider reference `<urn>::<id>`. */
export function providerUrnOf(reference: string): string {
  const cut = reference.lastIndexOf("::");
  return cut < 0 ? reference : reference.slice(0, cut);
}
