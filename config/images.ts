/**
 * `sovereign:images` and the registry references targets name: where each target pulls its images from (its own
 * registry, a copy of the build registry's images), where third-party images and charts are mirrored (per fleet
 * or per target, never a namespace we hard-code), and the copy job that fills each target's registry.
 */
import { z } from "zod";
import { configKey, cron, namespaceName } from "./primitives";

/** A registry host with the path images go under, e.g. `registry.onstackit.cloud/acme`. */
export const registryEndpoint = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*$/,
    "must be a registry host and path such as registry.onstackit.cloud/acme (no scheme, no tag)",
  );

/** A registry and the credential to use it: a user name and the secret config key of its password or token. */
export const registryRefSchema = z
  .object({
    /** Registry host and path. */
    endpoint: registryEndpoint,
    /** User name (a robot account, `nologin` for Scaleway). @default - anonymous */
    username: z.string().min(1).optional(),
    /** Secret config key (in `sovereign:`) holding the password or token. @default - anonymous */
    passwordSecret: configKey.optional(),
  })
  .strict()
  .refine((r) => (r.username === undefined) === (r.passwordSecret === undefined), {
    message: "needs both username and passwordSecret, or neither (anonymous)",
    path: ["passwordSecret"],
  });
export type RegistryRef = z.output<typeof registryRefSchema>;

const SYNC_DEFAULTS = {
  namespace: "sovereign-images",
  schedule: "17 */6 * * *",
} as const;

export const imagesSchema = z
  .object({
    /**
     * The build registry the workloads' images are pushed to (a prefix of `workloads[].image`) and its read
     * credential, which the copy job uses. @default - read anonymously
     */
    source: registryRefSchema.optional(),
    /**
     * Mirror of third-party images and charts (ingress controller, cert-manager, PostgreSQL, rclone, regsync) for
     * every target that names none. @default - each target's own registry
     */
    mirror: registryRefSchema.optional(),
    sync: z
      .object({
        /** Namespace of the copy job on every target. @default "sovereign-images" */
        namespace: namespaceName.default(SYNC_DEFAULTS.namespace),
        /** When the copy job runs (cron). @default "17 *\/6 * * *" */
        schedule: cron.default(SYNC_DEFAULTS.schedule),
      })
      .strict()
      .default(SYNC_DEFAULTS),
  })
  .strict();
export type ImagesConfig = z.output<typeof imagesSchema>;

export const IMAGES_DEFAULTS: ImagesConfig = { sync: SYNC_DEFAULTS };

/** The credential keys a registry reference names, with what each holds. */
export function registrySecretKeys(
  ref: RegistryRef | undefined,
  holds: string,
): { key: string; holds: string }[] {
  return ref?.passwordSecret ? [{ key: ref.passwordSecret, holds }] : [];
}
