import type { ProjectKind, Role } from "./model.js";

/** Fixed vocabularies of the generator. Every list is plain ASCII so ids are valid and sorting is locale-free. */

export const FIRST_NAMES = [
  "Ava", "Ben", "Chloe", "Dario", "Elif", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Kim", "Lena", "Marco", "Nina",
  "Omar", "Paula", "Quinn", "Ravi", "Sofia", "Tom", "Uma", "Victor", "Wen", "Xavi", "Yuki", "Zara", "Amir", "Bea",
  "Carl", "Dina", "Emil", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kai", "Lars", "Mila", "Noor", "Olga", "Pim",
  "Rosa", "Sami", "Tess", "Ugo", "Vera", "Will", "Yara", "Zeno",
] as const;

export const LAST_NAMES = [
  "Alvarez", "Bellini", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
  "Lindqvist", "Martin", "Nguyen", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga",
  "Wagner", "Xu", "Yilmaz", "Zimmer", "Amini", "Becker", "Cohen", "Diallo", "Evans", "Ferreira", "Gruber", "Hoffmann",
  "Iversen", "Jovanovic", "Keller", "Lopez", "Meyer", "Novak", "Olsen", "Patel", "Reyes", "Silva", "Thorsen",
  "Ulrich", "Vogel", "Weber", "Young", "Zhou",
] as const;

export const BRANDS = [
  "aurora", "nordlys", "velo", "kestrel", "lumen", "marlow", "saffron", "tidewater", "ember", "juniper", "halcyon",
  "oakline", "pebble", "quarry", "rivet", "solstice", "tundra", "umber", "vantage", "willow", "zephyr", "atlas",
  "birch", "cobalt", "drift", "fable", "gala", "harbour", "iris", "jasper", "kinfolk", "lark", "meadow", "north",
  "orchid", "pine", "quill", "ripple", "sable", "thistle",
] as const;

export const SEASONS = ["spring", "summer", "autumn", "winter", "holiday", "launch"] as const;

/** Day rates (euros) by primary role: [min, max, step]. */
export const DAY_RATES: Record<Role, readonly [min: number, max: number, step: number]> = {
  photographer: [850, 1600, 50],
  "set-designer": [550, 850, 50],
  makeup: [420, 650, 10],
  stylist: [480, 750, 10],
  model: [500, 1300, 50],
  assistant: [220, 360, 10],
};

/** Weights of the crew left over once every role can carry its load: few photographers, many assistants. */
export const SPARE_CREW_WEIGHTS: readonly (readonly [Role, number])[] = [
  ["assistant", 0.38],
  ["model", 0.2],
  ["stylist", 0.13],
  ["makeup", 0.13],
  ["set-designer", 0.09],
  ["photographer", 0.07],
];

/** A second role some people also fill, with the probability a person of the first role has it. */
export const SECOND_ROLES: readonly (readonly [primary: Role, second: Role, probability: number])[] = [
  ["assistant", "stylist", 0.2],
  ["makeup", "stylist", 0.25],
  ["set-designer", "assistant", 0.25],
  ["photographer", "assistant", 0.15],
];

/** Durations in slots (2 slots a day) with weights. */
export type DurationMix = readonly (readonly [slots: number, weight: number])[];
export const DEFAULT_DURATIONS: DurationMix = [
  [1, 0.66],
  [2, 0.26],
  [4, 0.06],
  [6, 0.02],
];

export interface ShootTemplate {
  readonly key: string;
  readonly title: string;
  readonly roles: Partial<Record<Role, number>>;
  /** Extra role needs, each kept with its probability. */
  readonly extras: readonly (readonly [Role, number])[];
  /** Required faces: 0 none, 1 one of the project's faces, 2 all of them. */
  readonly talent: 0 | 1 | 2;
  /** Alternative feature sets; `studio-list` = an explicit list of studios instead of features. */
  readonly features: readonly (readonly string[] | "studio-list")[];
  readonly equipment: readonly (readonly [item: string, units: number, probability: number])[];
  readonly durations: DurationMix;
}

const camera = ["camera-kit", 1, 1] as const;
const light = ["lighting-kit", 1, 1] as const;

export const TEMPLATES: Record<string, ShootTemplate> = {
  fitting: { key: "fitting", title: "fitting", roles: { stylist: 1 }, extras: [["makeup", 0.3]], talent: 2, features: ["studio-list"], equipment: [], durations: [[1, 1]] },
  look: {
    key: "look", title: "studio looks", roles: { photographer: 1, stylist: 1, makeup: 1, assistant: 1 }, extras: [["assistant", 0.3]], talent: 1,
    features: [["cyclorama"]], equipment: [camera, light, ["lighting-kit", 1, 0.3]], durations: DEFAULT_DURATIONS,
  },
  "outdoor-look": {
    key: "outdoor-look", title: "outdoor looks", roles: { photographer: 1, assistant: 1 }, extras: [["stylist", 0.6], ["makeup", 0.5], ["assistant", 0.4]], talent: 1,
    features: [["outdoor"]], equipment: [camera, ["gimbal", 1, 0.3]], durations: DEFAULT_DURATIONS,
  },
  details: {
    key: "details", title: "detail shots", roles: { photographer: 1, assistant: 1 }, extras: [], talent: 0,
    features: [["daylight"]], equipment: [camera, ["macro-lens", 1, 0.8]], durations: [[1, 0.85], [2, 0.15]],
  },
  review: { key: "review", title: "retouch review", roles: { photographer: 1 }, extras: [], talent: 0, features: ["studio-list"], equipment: [], durations: [[1, 1]] },
  reshoot: {
    key: "reshoot", title: "reshoot after review", roles: { photographer: 1, assistant: 1 }, extras: [["stylist", 0.5]], talent: 1,
    features: [["cyclorama"]], equipment: [camera, light], durations: [[1, 1]],
  },
  packshot: {
    key: "packshot", title: "packshots", roles: { photographer: 1, "set-designer": 1, assistant: 1 }, extras: [["assistant", 0.3]], talent: 0,
    features: [["blackout"], ["cyclorama"], "studio-list"], equipment: [camera, light, ["lighting-kit", 1, 0.4], ["macro-lens", 1, 0.4]],
    durations: [[1, 0.8], [2, 0.2]],
  },
  lifestyle: {
    key: "lifestyle", title: "lifestyle", roles: { photographer: 1, model: 1, assistant: 1 }, extras: [["stylist", 0.7], ["makeup", 0.6], ["assistant", 0.3]], talent: 0,
    features: [["kitchen"], ["daylight"]], equipment: [camera, ["gimbal", 1, 0.2]], durations: DEFAULT_DURATIONS,
  },
  food: {
    key: "food", title: "food styling", roles: { photographer: 1, stylist: 1, assistant: 1 }, extras: [["set-designer", 0.5], ["assistant", 0.4]], talent: 0,
    features: [["kitchen", "daylight"], ["kitchen"]], equipment: [camera, light, ["macro-lens", 1, 0.5]], durations: [[1, 0.7], [2, 0.3]],
  },
  portraits: {
    key: "portraits", title: "team portraits", roles: { photographer: 1, assistant: 1 }, extras: [["makeup", 0.7]], talent: 0,
    features: [["daylight"], "studio-list"], equipment: [camera, light], durations: [[1, 0.8], [2, 0.2]],
  },
  hero: {
    key: "hero", title: "outdoor hero", roles: { photographer: 1, assistant: 2 }, extras: [["stylist", 0.5]], talent: 1,
    features: [["outdoor"]], equipment: [["camera-kit", 2, 1], ["drone", 1, 1]], durations: [[1, 0.35], [2, 0.4], [4, 0.2], [6, 0.05]],
  },
  video: {
    key: "video", title: "video spot", roles: { photographer: 1, assistant: 2 }, extras: [["makeup", 0.5], ["set-designer", 0.3]], talent: 1,
    features: [["blackout"]], equipment: [["video-rig", 1, 1], ["lighting-kit", 2, 1], ["gimbal", 1, 0.5]], durations: [[2, 0.35], [4, 0.45], [6, 0.2]],
  },
};

export interface ProjectKindSpec {
  readonly label: string;
  /** Shoots that lead the project (fitting first) when it has at least 3 shoots. */
  readonly opener: string | null;
  /** Templates that fill the project, with weights; the first is the kind's signature shoot, always the first body shoot. */
  readonly body: readonly (readonly [template: string, weight: number])[];
  /** Probability of a review followed by a reshoot, when the project has at least 5 shoots. */
  readonly reviewProbability: number;
  /** Probability that a body shoot follows the previous shoot of the same template (gap 0). */
  readonly chainProbability: number;
}

export const PROJECT_KINDS: Record<ProjectKind, ProjectKindSpec> = {
  lookbook: { label: "lookbook", opener: "fitting", body: [["look", 5], ["outdoor-look", 2], ["details", 1.5]], reviewProbability: 0.6, chainProbability: 0 },
  product: { label: "product range", opener: null, body: [["packshot", 5], ["lifestyle", 2], ["details", 1.5]], reviewProbability: 0.3, chainProbability: 0.3 },
  food: { label: "food", opener: null, body: [["food", 5], ["lifestyle", 1.5], ["packshot", 1.5]], reviewProbability: 0.3, chainProbability: 0.2 },
  campaign: { label: "campaign", opener: "fitting", body: [["hero", 3], ["outdoor-look", 2], ["look", 2], ["portraits", 1.5]], reviewProbability: 0.5, chainProbability: 0 },
  video: { label: "video", opener: "fitting", body: [["video", 3], ["packshot", 1.5], ["portraits", 1]], reviewProbability: 0.4, chainProbability: 0 },
};

export const PROJECT_KIND_WEIGHTS: readonly (readonly [ProjectKind, number])[] = [
  ["lookbook", 3],
  ["product", 3],
  ["food", 2],
  ["campaign", 2],
  ["video", 1.5],
];

export interface ItemTemplate {
  readonly id: string;
  readonly name: string;
  readonly supply: "rental-only" | "scarce" | "owned-only";
  /** Rental price per unit per day (euros); 0 when not rentable. */
  readonly rentalRate: number;
}

export const ITEMS: readonly ItemTemplate[] = [
  { id: "camera-kit", name: "Camera body and lens kit", supply: "scarce", rentalRate: 120 },
  { id: "lighting-kit", name: "Studio strobe kit", supply: "scarce", rentalRate: 180 },
  { id: "gimbal", name: "Motorised gimbal", supply: "scarce", rentalRate: 90 },
  { id: "macro-lens", name: "Macro lens set", supply: "owned-only", rentalRate: 0 },
  { id: "drone", name: "Camera drone", supply: "rental-only", rentalRate: 250 },
  { id: "video-rig", name: "Cinema camera rig", supply: "rental-only", rentalRate: 400 },
];

/** Studio feature sets, used in turn so that every feature a template needs exists. */
export const STUDIO_FEATURES: readonly (readonly string[])[] = [
  ["cyclorama", "daylight"],
  ["cyclorama", "blackout"],
  ["daylight", "kitchen"],
  ["blackout", "kitchen"],
  ["cyclorama"],
  ["daylight"],
  ["blackout"],
  ["cyclorama", "daylight", "kitchen"],
];

export const EXTRA_STUDIO_FEATURES = ["cyclorama", "daylight", "kitchen", "blackout"] as const;

export const STUDIO_NAMES = [
  "North", "South", "Loft", "Foundry", "Atrium", "Canal", "Mill", "Orchard", "Gallery", "Depot", "Pier", "Arcade",
  "Vault", "Yard", "Lantern", "Granary", "Chapel", "Hangar", "Garden", "Tower", "Dock", "Forge", "Meadow", "Quay",
  "Ridge", "Silo", "Tannery", "Works", "Press", "Glasshouse", "Annex", "Bakery", "Cellar", "Dairy",
] as const;

export const OUTDOOR_NAMES = [
  "Harbour front", "City park", "Beach dunes", "Old town square", "Forest trail", "Rooftop terrace", "River bank",
  "Botanic garden", "Market hall yard", "Lakeside pier",
] as const;
