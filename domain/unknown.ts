/**
 * The string Pulumi sends for a value unknown during preview (computed by another resource): the engine's mock
 * runtime records it and CrossGuard's proxy uses the same sentinel for strings (`@pulumi/policy/proxy`
 * `unknownStringValue`). Nothing may read it as a region, host or image.
 */
export const UNKNOWN_DURING_PREVIEW = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
