/**
 * The API servers a Kubernetes provider talks to, read from the kubeconfig it is given. The provider accepts
 * kubeconfig *contents* (YAML or JSON) or a *path* (what KUBECONFIG holds); a policy runs in another process and
 * cannot read files, so a path is reported as unplaceable. `context` and `cluster` pick the entry the provider
 * uses, as client-go does: `cluster` wins over the context's cluster, `context` over `current-context`.
 */
import { parse } from "yaml";

export interface KubeServer {
  /** Name of the cluster entry. */
  readonly cluster: string;
  readonly server: string;
  /** Host without scheme, port or path (`abc.api.k8s.fr-par.scw.cloud`), or the text when it is no URL. */
  readonly host: string;
  /** The exec credential plugin of the context's user (`aws`, `kubelogin`), when it names one. */
  readonly execCommand?: string;
  /** The cluster's `proxy-url`: every request to the API server goes through it. */
  readonly proxyUrl?: string;
}

export type KubeconfigReading =
  | { readonly kind: "servers"; readonly servers: readonly KubeServer[] }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "invalid"; readonly reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const named = (list: unknown): Json[] => (Array.isArray(list) ? list.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Host of a server URL; bare hosts and IPs pass through. */
export function hostOfServer(server: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `https://${server}`;
  return URL.canParse(withScheme) ? new URL(withScheme).hostname.replace(/^\[|\]$/g, "") : server;
}

/** True when the text is a file path (or a KUBECONFIG list of paths) rather than kubeconfig contents. */
export function isKubeconfigPath(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed.includes("\n") && !trimmed.startsWith("{");
}

function parseDocument(text: string): Json | string {
  try {
    const doc: unknown = parse(text);
    return isObject(doc) ? doc : "it is not a YAML or JSON object";
  } catch (e) {
    return `it does not parse as YAML or JSON (${(e as Error).message.split("\n")[0] ?? ""})`;
  }
}

/**
 * The servers the provider would talk to: the selected cluster, or every cluster when neither `context`,
 * `cluster` nor `current-context` selects one (fail closed: each must pass).
 */
export function readKubeconfig(
  text: string,
  selection: { readonly context?: string; readonly cluster?: string } = {},
): KubeconfigReading {
  if (isKubeconfigPath(text)) return { kind: "path", path: text.trim() };
  const doc = parseDocument(text);
  if (typeof doc === "string") return { kind: "invalid", reason: doc };

  const contexts = named(doc.contexts);
  const clusters = named(doc.clusters);
  const users = named(doc.users);
  const contextName = selection.context ?? str(doc["current-context"]);
  const context =
    contextName === undefined ? undefined : contexts.find((c) => c.name === contextName);
  if (contextName !== undefined && !context) {
    const known = contexts.map((c) => String(c.name)).join(", ") || "none";
    return {
      kind: "invalid",
      reason: `context '${contextName}' is not in it (contexts: ${known})`,
    };
  }
  const contextBody = isObject(context?.context) ? context.context : {};
  const clusterName = selection.cluster ?? str(contextBody.cluster);
  const chosen =
    clusterName === undefined ? clusters : clusters.filter((c) => c.name === clusterName);
  if (chosen.length === 0) {
    return {
      kind: "invalid",
      reason:
        clusterName === undefined
          ? "it lists no clusters"
          : `cluster '${clusterName}' is not in it`,
    };
  }
  const user = users.find((u) => u.name === str(contextBody.user));
  const exec =
    isObject(user?.user) && isObject(user.user.exec) ? str(user.user.exec.command) : undefined;

  const servers: KubeServer[] = [];
  for (const entry of chosen) {
    const body = isObject(entry.cluster) ? entry.cluster : {};
    const server = str(body.server);
    const proxyUrl = str(body["proxy-url"]);
    const name = String(entry.name ?? "(unnamed)");
    if (server === undefined) return { kind: "invalid", reason: `cluster '${name}' has no server` };
    servers.push({
      cluster: name,
      server,
      host: hostOfServer(server),
      ...(exec ? { execCommand: exec } : {}),
      ...(proxyUrl ? { proxyUrl } : {}),
    });
  }
  return { kind: "servers", servers };
}

/** Exec credential plugins that reveal a hyperscaler behind an unplaceable host (a bare IP, a private name). */
export const EXEC_PLUGIN_VENDORS: Readonly<Record<string, string>> = {
  aws: "Amazon EKS",
  "aws-iam-authenticator": "Amazon EKS",
  kubelogin: "Azure AKS",
  "gke-gcloud-auth-plugin": "Google GKE",
  gcloud: "Google GKE",
  doctl: "DigitalOcean Kubernetes",
};

/** The hyperscaler an exec plugin command points to (`/usr/bin/aws` → Amazon EKS), if any. */
export function vendorHintOfExec(command: string | undefined): string | undefined {
  if (command === undefined) return undefined;
  const base = command.split(/[\\/]/).pop() ?? command;
  return Object.hasOwn(EXEC_PLUGIN_VENDORS, base) ? EXEC_PLUGIN_VENDORS[base] : undefined;
}
