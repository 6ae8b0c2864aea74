// The emulator in a process of its own (demo seed), so the consoles' cloud calls never wait on
// the event loop of the test or benchmark driving them. Sends `{ port }` once it listens; a
// message or a closed IPC channel stops it.
import { createEmulator } from "../../emulator/server";

void createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} }).then((emulator) => {
  process.send?.({ port: emulator.port });
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once("message", stop);
  process.once("disconnect", stop);
});
