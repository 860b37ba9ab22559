import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callSheet, check, formatCallSheet, planCalendar, solve } from "@shootplan/solver";

// A brand campaign week: three clients, twelve shoots, fourteen people, four locations.
const problem: unknown = JSON.parse(readFileSync(new URL("./brand-campaign-week.json", import.meta.url), "utf8"));

const answer = await solve(problem, { timeLimitSeconds: 60 });
console.log(`${answer.status}: ${answer.cost} EUR (lower bound ${answer.lowerBound}) in ${answer.seconds.toFixed(1)} s`);
if (answer.plan !== null) {
  // The first day's call sheet: when, what, where, who.
  const firstDay = answer.plan.shoots[0]?.days[0];
  if (firstDay !== undefined) console.log(formatCallSheet(callSheet(problem, answer.plan, firstDay)));
  // Everyone's shoots as a calendar file to import (one person's: { person: "yuki" }).
  const ics = join(tmpdir(), "brand-campaign-week.ics");
  writeFileSync(ics, planCalendar(problem, answer.plan));
  console.log("calendar:", ics);
  console.log("dropped:", answer.plan.dropped, "rentals:", answer.plan.rentals);
  console.log("by project:", answer.plan.cost?.byProject);
  console.log("independent check:", check(problem, answer.plan).valid ? "valid" : "INVALID");
}
