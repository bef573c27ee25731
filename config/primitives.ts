/** Small schema pieces several config modules share. */
import { z } from "zod";

/** The name of a config key in `sovereign:` (secret keys are named, never given as values). */
export const configKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "must be a config key name (letters, digits, '_' or '-')");

/** A five-field cron expression. */
export const cron = z
  .string()
  .regex(/^(\S+\s+){4}\S+$/, "must be a five-field cron expression such as */15 * * * *");

/** A Kubernetes namespace name. */
export const namespaceName = z
  .string()
  .regex(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a Kubernetes namespace name");
