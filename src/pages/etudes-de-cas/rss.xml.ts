import type { APIRoute } from 'astro';
import { caseStudyFeed } from '~/lib/feed';

export const GET: APIRoute = ({ site }) => caseStudyFeed('fr', site);
