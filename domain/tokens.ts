/** Component type tokens that pure logic recognises; frozen (changing one replaces every instance). */

/** The provider-neutral workload (components/workload/workload.ts). */
export const WORKLOAD_TYPE = "sovereign:workload:Workload";
