import { z } from "zod";

/** `?days=N`: whole days from 1 to 365, 90 when left out (ActionTrail keeps 90). */
export const DEFAULT_ACTIVITY_DAYS = 90;
export const activityDays = z.coerce.number().int("days1to365").min(1, "days1to365").max(365, "days1to365");
export const activityQuery = z.object({ days: activityDays.default(DEFAULT_ACTIVITY_DAYS) });
