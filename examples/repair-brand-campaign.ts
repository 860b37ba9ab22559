import { readFileSync } from "node:fs";
import { check, repair, solve, type ProblemInput } from "@shootplan/solver";

// The brand campaign week is planned; then the photographer of the first shoot calls in
// ill for that day. Repair the plan: keep everything else, pay 100 EUR per changed assignment.
const problem = JSON.parse(readFileSync(new URL("./brand-campaign-week.json", import.meta.url), "utf8")) as ProblemInput;

const planned = await solve(problem, { timeLimitSeconds: 60 });
if (planned.plan === null) throw new Error(`no plan: ${planned.status}`);
console.log(`planned: ${planned.status}, ${planned.cost} EUR`);

const first = planned.plan.shoots[0];
const ill = first?.crew.find((c) => c.role === "photographer")?.person;
const day = first?.days[0];
if (ill === undefined || day === undefined) throw new Error("the first shoot has no photographer");
const changed: ProblemInput = {
  ...problem,
  crew: problem.crew.map((c) => (c.id === ill ? { ...c, unavailable: [...(c.unavailable ?? []), { from: day }] } : c)),
};
// One shoot the absence does not touch is pinned: it stays exactly as it is, whatever the repair finds.
const pinned = planned.plan.shoots.filter((s) => !s.crew.some((c) => c.person === ill)).map((s) => s.shoot).slice(0, 1);

// onProgress hears of the first repaired plan at once; the rest of the time goes to proving it cheapest.
const repaired = await repair(
  { problem: changed, earlierPlan: planned.plan, changePenalty: 100, pinnedShoots: pinned },
  {
    timeLimitSeconds: 60,
    onProgress: (p) => {
      if (p.kind === "plan") console.log(`  after ${p.seconds.toFixed(1)} s: a repaired plan at ${p.objective} EUR (${p.changedAssignments} changed assignment(s))`);
    },
  },
);
console.log(`${ill} ill on ${day}; repaired: ${repaired.status}, ${repaired.cost} EUR + ${repaired.changePenalties} EUR for ${repaired.changedAssignments} changed assignment(s)`);
for (const change of repaired.changes) {
  const who = "person" in change ? ` ${change.person} (${change.role ?? "attending"})` : "";
  console.log(`  ${change.counted ? "*" : " "} ${change.kind.padEnd(13)} ${change.shoot}${who}`);
}
if (repaired.plan !== null) console.log("independent check:", check(changed, repaired.plan).valid ? "valid" : "INVALID");
