import { readFileSync } from "node:fs";
import { check, solve } from "@shootplan/solver";

// A brand campaign week: three clients, twelve shoots, fourteen people, four locations.
const problem: unknown = JSON.parse(readFileSync(new URL("./brand-campaign-week.json", import.meta.url), "utf8"));

const answer = await solve(problem, { timeLimitSeconds: 60 });
console.log(`${answer.status}: ${answer.cost} EUR (lower bound ${answer.lowerBound}) in ${answer.seconds.toFixed(1)} s`);
if (answer.plan !== null) {
  // A call sheet: when, what, where, who.
  for (const shoot of answer.plan.shoots) {
    const crew = shoot.crew.map((c) => `${c.person}${c.role === null ? "" : ` (${c.role})`}`).join(", ");
    console.log(`${shoot.start}  ${shoot.shoot.padEnd(20)} ${shoot.location.padEnd(14)} ${crew}`);
  }
  console.log("dropped:", answer.plan.dropped, "rentals:", answer.plan.rentals);
  console.log("by project:", answer.plan.cost?.byProject);
  console.log("independent check:", check(problem, answer.plan).valid ? "valid" : "INVALID");
}
