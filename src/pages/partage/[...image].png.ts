/**
 * Sharing images, one per case study and brochure in each language (src/lib/share-image.ts):
 * /partage/<lang>/case-study-<key>.png, /partage/<lang>/brochure-<key>.png.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { brochures, caseStudies, settings } from '~/data/content';
import { labelsFor } from '~/i18n';
import { describeTerritory } from '~/lib/territory';
import { imageFileOf, shareImage, type ShareCard } from '~/lib/share-image';
import { shareImageUrl } from '~/lib/urls';
import { shareImageKey } from '~/data/cache-keys';

interface Props {
  card: Omit<ShareCard, 'illustration'>;
  entryFile: string;
  field: string;
}

const param = (url: string) => url.replace(/^\/partage\//, '').replace(/\.png$/, '');

/** Incremental builds redraw an image only when its entry, the site's name or its illustration changed. */
const keyed = async <T extends { props: Props }>(path: T, entry: Parameters<typeof shareImageKey>[0]) => ({
  ...path,
  cacheKey: await shareImageKey(
    entry,
    await imageFileOf(process.cwd(), path.props.entryFile, path.props.field),
  ),
});

export const getStaticPaths = (async () =>
  Promise.all([
    ...caseStudies.map((c) =>
      keyed(
        {
          params: { image: param(shareImageUrl('case-study', c.data.lang, c.data.translationKey)) },
          props: {
            card: {
              kicker: labelsFor(c.data.lang).searchType.caseStudy,
              title: c.data.title,
              place: describeTerritory(c.data.territory, c.data.lang),
              siteName: settings.siteName,
            },
            entryFile: c.filePath!,
            field: 'hero',
          },
        },
        c,
      ),
    ),
    ...brochures.map((b) =>
      keyed(
        {
          params: { image: param(shareImageUrl('brochure', b.data.lang, b.data.translationKey)) },
          props: {
            card: {
              kicker: `${labelsFor(b.data.lang).searchType.brochure} ${b.data.year}`,
              title: b.data.title,
              place: '',
              siteName: settings.siteName,
            },
            entryFile: b.filePath!,
            field: 'cover',
          },
        },
        b,
      ),
    ),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props }) => {
  const illustration = await imageFileOf(process.cwd(), props.entryFile, props.field);
  const png = await shareImage({ ...props.card, illustration });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
