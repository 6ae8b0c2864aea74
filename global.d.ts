import type messages from "./messages/en";

// Typed message keys: a missing or misspelt key fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
