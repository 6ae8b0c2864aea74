// Sign-in cost: one scrypt verification with the console's parameters (the budget is 150 ms on
// a 2-core server). Prints the fastest and the median of 15 runs after one warm-up.
import { hashPassword, verifyPassword } from "../lib/auth/password";

async function main() {
  const hash = await hashPassword("bench-password-1");
  await verifyPassword("bench-password-1", hash);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await verifyPassword("bench-password-1", hash);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`password: verify min ${times[0].toFixed(0)} ms, median ${times[7].toFixed(0)} ms (scrypt N=2^15 r=6; budget 150 ms)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
