import type { APIRoute } from 'astro';
import { fileResponse, published } from './_published';

export const GET: APIRoute = (context) => fileResponse(published(context).schema, 'application/json');
