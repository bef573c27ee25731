// stream-json names its subpaths through the package's `exports`, which the project's node10 resolution does not
// read: the assembler's own typings, under the path Node resolves at run time.
declare module "stream-json/assembler.js" {
  export { default } from "stream-json/src/assembler";
}
