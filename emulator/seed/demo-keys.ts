// The demo RAM users' AccessKeys. They unlock only the local emulator's demo account.
export interface DemoKey {
  id: string;
  secret: string;
}

export const DEMO_KEYS = {
  alice: { id: "LTAI5tDemoAlice7Qm2Vx9KpR4", secret: "aL1c3dEm0S3cr3tKx8vQ2mN7pR4tW9yZ" },
  bob: { id: "LTAI5tDemoBob3Hn8Wc5JsT6", secret: "b0bDeM0sEcReT9uY4iO2pA6sD8fG1hJk" },
  carol: { id: "LTAI5tDemoCarol9Fz4Lq7XeB2", secret: "cAr0lD3m0s3CR3t5mN8bV2cX4zL6kJ9h" },
} as const satisfies Record<string, DemoKey>;

export type DemoUser = keyof typeof DEMO_KEYS;
