/**
 * A date as precise as the source allows: a year (2022), a month (2015-06) or a day.
 * Sources often give only a year; writing more would invent a fact.
 *
 * In a module of its own, free of the geography data common.ts loads, so that the CMS's
 * browser bundle can use the same rule (the editor components' date field).
 */
import { z } from 'astro/zod';

export const PARTIAL_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    const [y, m = '01', d = '01'] = s.split('-');
    const full = `${y}-${m}-${d}`;
    const date = new Date(`${full}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(full);
  }, 'not a real calendar date');
