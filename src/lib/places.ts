/**
 * Where an entry of the directory stands on a map, and how precisely: the types shared by
 * the build (commune-positions.ts, which reads the positions table) and the browser's map
 * script (map-points.ts), which must not import the table's reader.
 */

/** How precise a position is: given by the entry, its commune's, or its department's. */
export const PRECISIONS = ['exact', 'commune', 'department'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface Place {
  longitude: number;
  latitude: number;
  precision: Precision;
}

/** What an entry says of its place (a subset of the partner schema's `location`). */
export interface LocationLike {
  commune?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  department: { code: string };
}
