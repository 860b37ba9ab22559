import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clockMinutes,
  dateToDayNumber,
  datesBetween,
  dayNumberToDate,
  isKnownTimeZone,
  localDateTime,
  periodSlotKeys,
  slotLengthMinutes,
  weekdayOf,
  workingDates,
} from "../../src/domain/calendar.js";
import { hasMinorPrecision, minorDigits, splitByLargestRemainder, toMajor, toMinor } from "../../src/domain/money.js";
import type { Problem } from "../../src/domain/problem-schema.js";

const runs = { seed: 42, numRuns: 300 } as const;

describe("money", () => {
  it("knows the minor digits of common currencies", () => {
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("BHD")).toBe(3);
    expect(minorDigits("not a currency")).toBe(2);
  });

  it("converts to and from minor units exactly", () => {
    expect(toMinor(12.5, 2)).toBe(1250);
    expect(toMinor(0.1 + 0.2, 2)).toBe(30);
    expect(toMinor(650.125, 3)).toBe(650_125);
    expect(toMinor(65_000, 0)).toBe(65_000);
    expect(toMajor(1250, 2)).toBe(12.5);
    expect(toMajor(1, 2)).toBe(0.01);
    expect(toMajor(65_000, 0)).toBe(65_000);
    expect(toMajor(0, 3)).toBe(0);
  });

  it("round-trips every minor amount through major units", () => {
    // Up to 1e14 minor units (a trillion euros): beyond about 2^51 a double cannot hold every cent.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        const major = toMajor(minor, digits);
        expect(toMinor(major, digits)).toBe(minor);
      }),
      runs,
    );
  });

  it("accepts every amount written with at most the minor digits, up to 100 million major units", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        const major = toMajor(minor, digits);
        expect(hasMinorPrecision(major, digits)).toBe(true);
        // The decimal text is exactly the minor units with the point moved.
        expect(major.toFixed(digits).replace(".", "")).toBe(String(minor).padStart(digits + 1, "0"));
      }),
      runs,
    );
  });

  // A fixed 1e-6 tolerance alone is smaller than the rounding error of amount * 100
  // beyond about 1e9 major units; the decimal round trip accepts these exactly.
  it("accepts 1234567890.12 EUR, which has two decimals, and refuses a third decimal at that size", () => {
    expect(hasMinorPrecision(1_234_567_890.12, 2)).toBe(true);
    expect(hasMinorPrecision(1_234_567_890.125, 2)).toBe(false);
    expect(hasMinorPrecision(90_071_992_547_409.92, 2)).toBe(false); // 9e15 minor units: not a safe integer
    // Past 10^14 minor units neighbouring cents share a double (these two are one number).
    expect(hasMinorPrecision(40_965_180_859_818.09, 2)).toBe(false);
    expect(hasMinorPrecision(70_368_744_177_664.01, 2)).toBe(false);
    expect(hasMinorPrecision(999_999_999_999.99, 2)).toBe(true);
  });

  it("tells amounts within the minor unit from those beyond it", () => {
    expect(hasMinorPrecision(650.5, 2)).toBe(true);
    expect(hasMinorPrecision(0.1 + 0.2, 2)).toBe(true);
    expect(hasMinorPrecision(650.555, 2)).toBe(false);
    expect(hasMinorPrecision(0.5, 0)).toBe(false);
    expect(hasMinorPrecision(650.125, 3)).toBe(true);
    expect(hasMinorPrecision(1e300, 2)).toBe(false); // not a safe integer of cents
  });

  describe("splitByLargestRemainder", () => {
    it("splits exactly when amount x weight passes 2^53 (a rental near the largest amounts, by slots x units)", () => {
      const exact = (total: bigint, weights: bigint[]): number[] => {
        const sum = weights.reduce((a, b) => a + b, 0n);
        const shares = weights.map((w) => (total * w) / sum);
        const order = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
        let left = total - shares.reduce((a, b) => a + b, 0n);
        for (const { i } of order) if (left > 0n) (shares[i] = (shares[i] ?? 0n) + 1n), (left -= 1n);
        return shares.map(Number);
      };
      // Found by review: 1999 units at 499 999 999.51 split 3000 : 1998 gave the spare cent to the wrong part.
      expect(splitByLargestRemainder(1999 * 49_999_999_951, [3000, 1998])).toEqual(exact(1999n * 49_999_999_951n, [3000n, 1998n]));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e14 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }), (total, weights) => {
          expect(splitByLargestRemainder(total, weights)).toEqual(exact(BigInt(total), weights.map(BigInt)));
        }),
        { seed: 53, numRuns: 500 },
      );
    });

    it("splits by weight and gives leftover units to the largest remainders", () => {
      expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
      expect(splitByLargestRemainder(100, [1, 2])).toEqual([33, 67]);
      expect(splitByLargestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
      expect(splitByLargestRemainder(7, [0, 1, 0])).toEqual([0, 7, 0]);
      expect(splitByLargestRemainder(0, [2, 5])).toEqual([0, 0]);
    });

    it("breaks ties in favour of the earlier index", () => {
      expect(splitByLargestRemainder(1, [1, 1])).toEqual([1, 0]);
      expect(splitByLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
      // Remainders 1/4, 2/4, 1/4 of a unit... 5 * [1, 2, 1] / 4 = 1.25, 2.5, 1.25: the .5 first, then the earlier .25.
      expect(splitByLargestRemainder(5, [1, 2, 1])).toEqual([1, 3, 1]);
      expect(splitByLargestRemainder(6, [1, 2, 1])).toEqual([2, 3, 1]);
    });

    it("rejects an all-zero weight list", () => {
      expect(() => splitByLargestRemainder(100, [0, 0])).toThrow(RangeError);
    });

    const splitCase = fc.record({
      total: fc.integer({ min: 0, max: 10_000_000 }),
      weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
    });

    it("parts add up to the total, each within one unit above its exact share", () => {
      fc.assert(
        fc.property(splitCase, ({ total, weights }) => {
          const parts = splitByLargestRemainder(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const floor = Math.floor((total * (weights[i] ?? 0)) / weightSum);
            expect(Number.isInteger(part)).toBe(true);
            expect([floor, floor + 1]).toContain(part);
            if (weights[i] === 0) expect(part).toBe(0);
          });
        }),
        runs,
      );
    });

    it("a part that got the extra unit has a remainder at least as large as any that did not, and wins ties only from later indices", () => {
      fc.assert(
        fc.property(splitCase, ({ total, weights }) => {
          const parts = splitByLargestRemainder(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          const remainder = (i: number): number => (total * (weights[i] ?? 0)) % weightSum;
          const bumped = (i: number): boolean => (parts[i] ?? 0) > Math.floor((total * (weights[i] ?? 0)) / weightSum);
          for (let i = 0; i < weights.length; i++) {
            for (let j = 0; j < weights.length; j++) {
              if (!bumped(i) || bumped(j)) continue;
              expect(remainder(i)).toBeGreaterThanOrEqual(remainder(j));
              if (remainder(i) === remainder(j)) expect(i).toBeLessThan(j);
            }
          }
        }),
        runs,
      );
    });

    it("is proportional: equal weights get parts at most one unit apart", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 20 }), (total, n) => {
          const parts = splitByLargestRemainder(total, Array.from({ length: n }, () => 1));
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
          // Earlier parts never get less than later ones.
          expect([...parts].sort((a, b) => b - a)).toEqual(parts);
        }),
        runs,
      );
    });
  });
});

function horizon(overrides: Partial<Problem["horizon"]> = {}): Problem["horizon"] {
  return {
    start: "2026-03-02",
    end: "2026-03-15",
    timeZone: "Europe/Berlin",
    workingDays: ["monday", "tuesday", "wednesday", "thursday", "friday"],
    excludedDates: [],
    slotsPerDay: 1,
    dayStart: "09:00",
    ...overrides,
  };
}

describe("calendar", () => {
  it("converts dates to day numbers and back", () => {
    expect(dateToDayNumber("1970-01-01")).toBe(0);
    expect(dateToDayNumber("2026-03-02") - dateToDayNumber("2026-02-27")).toBe(3);
    expect(dayNumberToDate(dateToDayNumber("2028-02-29") + 1)).toBe("2028-03-01");
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        expect(dateToDayNumber(dayNumberToDate(day))).toBe(day);
      }),
      runs,
    );
  });

  it("names weekdays", () => {
    expect(weekdayOf("2026-03-02")).toBe("monday");
    expect(weekdayOf("2026-03-08")).toBe("sunday");
    expect(weekdayOf("2024-02-29")).toBe("thursday");
  });

  it("lists dates inclusively, across month ends, and none when reversed", () => {
    expect(datesBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(datesBetween("2026-03-02", "2026-03-02")).toEqual(["2026-03-02"]);
    expect(datesBetween("2026-03-02", "2026-03-01")).toEqual([]);
  });

  it("workingDates skips weekends and excluded dates", () => {
    expect(workingDates(horizon())).toEqual([
      "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
      "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13",
    ]);
    expect(workingDates(horizon({ excludedDates: ["2026-03-06", "2026-03-07", "2026-04-01"] }))).toEqual([
      "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05",
      "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13",
    ]);
  });

  it("workingDates honours custom working weekdays and is empty over a weekend", () => {
    expect(workingDates(horizon({ workingDays: ["saturday", "sunday"] }))).toEqual(["2026-03-07", "2026-03-08", "2026-03-14", "2026-03-15"]);
    expect(workingDates(horizon({ start: "2026-03-07", end: "2026-03-08" }))).toEqual([]);
    expect(workingDates(horizon({ start: "2026-03-03", end: "2026-03-02" }))).toEqual([]);
  });

  it("workingDates: Easter 2026 in Germany leaves Tuesday to Thursday", () => {
    const easter = horizon({ start: "2026-04-03", end: "2026-04-09", excludedDates: ["2026-04-03", "2026-04-06"] });
    expect(workingDates(easter)).toEqual(["2026-04-07", "2026-04-08", "2026-04-09"]);
  });

  it("slot length defaults to a 10-hour day cut into slotsPerDay", () => {
    expect(slotLengthMinutes(horizon())).toBe(600);
    expect(slotLengthMinutes(horizon({ slotsPerDay: 2 }))).toBe(300);
    expect(slotLengthMinutes(horizon({ slotsPerDay: 7 }))).toBe(85);
    expect(slotLengthMinutes(horizon({ slotsPerDay: 10, slotMinutes: 45 }))).toBe(45);
    expect(clockMinutes("09:00")).toBe(540);
    expect(clockMinutes("23:59")).toBe(1439);
  });

  it("knows IANA time zones", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("Europe/Atlantis")).toBe(false);
    expect(isKnownTimeZone("")).toBe(false);
  });

  describe("localDateTime across daylight-saving changes", () => {
    it("Europe/Berlin: +01:00 before 2026-03-29, +02:00 after", () => {
      expect(localDateTime("2026-03-27", 9 * 60, "Europe/Berlin")).toBe("2026-03-27T09:00:00+01:00");
      expect(localDateTime("2026-03-28", 23 * 60 + 59, "Europe/Berlin")).toBe("2026-03-28T23:59:00+01:00");
      expect(localDateTime("2026-03-29", 9 * 60, "Europe/Berlin")).toBe("2026-03-29T09:00:00+02:00");
      expect(localDateTime("2026-03-30", 9 * 60, "Europe/Berlin")).toBe("2026-03-30T09:00:00+02:00");
    });

    it("Europe/Berlin: back to +01:00 after 2026-10-25", () => {
      expect(localDateTime("2026-10-23", 9 * 60, "Europe/Berlin")).toBe("2026-10-23T09:00:00+02:00");
      expect(localDateTime("2026-10-26", 9 * 60, "Europe/Berlin")).toBe("2026-10-26T09:00:00+01:00");
    });

    // Wall-clock times the change repeats or skips resolve as RFC 5545 / Temporal's "compatible".
    it("a time that occurs twice (autumn) is the earlier instant: an hourly slot 01:00-02:00 lasts an hour", () => {
      const start = localDateTime("2026-10-25", 60, "Europe/Berlin");
      const end = localDateTime("2026-10-25", 120, "Europe/Berlin");
      expect([start, end]).toEqual(["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00"]);
      expect((Date.parse(end) - Date.parse(start)) / 60_000).toBe(60);
      expect(localDateTime("2026-10-25", 150, "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
      expect(localDateTime("2026-10-25", 180, "Europe/Berlin")).toBe("2026-10-25T03:00:00+01:00");
      expect(localDateTime("2026-04-05", 90, "Australia/Lord_Howe")).toBe("2026-04-05T01:30:00+11:00");
    });

    it("a time the spring change skips moves forward by the gap", () => {
      expect(localDateTime("2026-03-29", 150, "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00");
      expect(localDateTime("2026-03-08", 150, "America/New_York")).toBe("2026-03-08T03:30:00-04:00");
      expect(localDateTime("2026-03-29", 119, "Europe/Berlin")).toBe("2026-03-29T01:59:00+01:00");
    });

    it("the same wall clock maps to instants 23 hours apart across the spring change", () => {
      const friday = Date.parse(localDateTime("2026-03-27", 9 * 60, "Europe/Berlin"));
      const saturday = Date.parse(localDateTime("2026-03-28", 9 * 60, "Europe/Berlin"));
      const monday = Date.parse(localDateTime("2026-03-30", 9 * 60, "Europe/Berlin"));
      expect((saturday - friday) / 3_600_000).toBe(24);
      expect((monday - friday) / 3_600_000).toBe(3 * 24 - 1);
    });

    it("other zones: New York changes on 2026-03-08, half-hour and negative offsets format correctly", () => {
      expect(localDateTime("2026-03-06", 9 * 60, "America/New_York")).toBe("2026-03-06T09:00:00-05:00");
      expect(localDateTime("2026-03-09", 9 * 60, "America/New_York")).toBe("2026-03-09T09:00:00-04:00");
      expect(localDateTime("2026-03-02", 9 * 60, "Asia/Kolkata")).toBe("2026-03-02T09:00:00+05:30");
      expect(localDateTime("2026-07-01", 9 * 60, "America/St_Johns")).toBe("2026-07-01T09:00:00-02:30");
      expect(localDateTime("2026-03-02", 0, "UTC")).toBe("2026-03-02T00:00:00+00:00");
    });

    it("minutes past midnight may reach the end of the day", () => {
      expect(localDateTime("2026-03-02", 18 * 60 + 30, "Europe/Berlin")).toBe("2026-03-02T18:30:00+01:00");
      expect(localDateTime("2026-03-02", 24 * 60, "Europe/Berlin")).toBe("2026-03-03T00:00:00+01:00");
    });

    it("its text always denotes the instant it names (round trip through Date)", () => {
      const zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"];
      fc.assert(
        fc.property(
          fc.integer({ min: dateToDayNumber("2025-01-01"), max: dateToDayNumber("2027-12-31") }),
          fc.integer({ min: 5 * 60, max: 22 * 60 }), // daytime, clear of the 02:00-03:00 changes
          fc.constantFrom(...zones),
          (day, minutes, zone) => {
            const date = dayNumberToDate(day);
            const text = localDateTime(date, minutes, zone);
            const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
            const mm = String(minutes % 60).padStart(2, "0");
            expect(text.slice(0, 19)).toBe(`${date}T${hh}:${mm}:00`);
            // The wall clock in `zone` at that instant is the one asked for.
            const wall = new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(text));
            expect(wall).toBe(`${date}, ${hh}:${mm}`);
          },
        ),
        runs,
      );
    });
  });

  it("periodSlotKeys expands dates and slots, all slots by default", () => {
    const keys = periodSlotKeys([{ from: "2026-03-02", to: "2026-03-03" }, { from: "2026-03-05", slots: [1] }], 2);
    expect([...keys].sort()).toEqual(["2026-03-02#0", "2026-03-02#1", "2026-03-03#0", "2026-03-03#1", "2026-03-05#1"]);
  });
});
