/**
 * /partenaires/index-column-department.json…: one filter's value of every partner, for the
 * directory's filters in both languages (format: src/lib/directory-index.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { columnPaths, jsonResponse } from '~/data/directory-index';
import type { ColumnFile } from '~/lib/directory-index';

export const getStaticPaths = (() => columnPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse((props as { file: ColumnFile }).file);
