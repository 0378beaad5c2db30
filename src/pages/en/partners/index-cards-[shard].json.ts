/**
 * /en/partners/index-cards-0.json…: the English cards of the directory, a few partners a
 * file (format: src/lib/directory-index.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardsPaths, jsonResponse } from '~/data/directory-index';
import type { CardsFile } from '~/lib/directory-index';

export const getStaticPaths = (() => cardsPaths('en')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse((props as { file: CardsFile }).file);
