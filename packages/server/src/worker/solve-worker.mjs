// Entry file of every solve worker thread (piscina loads it). Plain JavaScript on
// purpose: Node 20 cannot load TypeScript in a worker by itself.
//
// - Built package (dist/worker/): solve-task.js sits next to this file; import it.
// - From source (src/worker/, as `npm start` and the tests run): register tsx's ESM
//   loader, plus a resolve hook adding the `@shootplan/source` export condition so
//   that `@shootplan/solver` resolves to the solver's TypeScript sources too (the
//   worker starts with empty execArgv, so it does not depend on how its parent was
//   launched: vitest, tsx or plain node).
import { existsSync } from "node:fs";
import { register } from "node:module";

const built = new URL("./solve-task.js", import.meta.url);
let task;
if (existsSync(built)) {
  task = await import(built.href);
} else {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  const hook = `export async function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: [...context.conditions, "@shootplan/source"] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  task = await import(new URL("./solve-task.ts", import.meta.url).href);
}

export default task.default;
