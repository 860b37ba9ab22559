import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

test("logs are JSON lines with request ids and job ids, and never contain problem bodies or keys at info", async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter((l) => l !== ""));
      done();
    },
  });
  const app = testApp({ logLevel: "info", apiKeys: ["secret-key-1"] }, { logging: true, logStream: sink });
  try {
    const response = await app.inject({ method: "POST", url: "/v1/jobs", headers: { authorization: "Bearer secret-key-1", "x-request-id": "req-42" }, payload: { problem: tinyProblem } });
    const jobId = response.json<{ id: string }>().id;
    await waitFor(() => (lines.some((l) => l.includes('"job finished"')) ? true : undefined), 15_000, "the job to finish");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r["requestId"] === "req-42").map((r) => r["msg"])).toEqual(expect.arrayContaining(["incoming request", "job accepted", "request completed"]));
    expect(records.filter((r) => r["jobId"] === jobId).map((r) => r["msg"])).toEqual(expect.arrayContaining(["job queued", "job accepted", "job started", "job finished"]));
    const text = lines.join("\n");
    expect(text).not.toContain("Packshots"); // a shoot title from the problem body
    expect(text).not.toContain("secret-key-1");
  } finally {
    await app.close();
  }
});
