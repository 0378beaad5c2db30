/**
 * The generated Decap configuration as the committed file holds it: YAML, with a header
 * that says where it comes from.
 */
import { stringify } from 'yaml';
import { buildCmsConfig } from './cms-config';

export const CMS_CONFIG_PATH = 'public/admin/config.yml';

export function cmsConfigYaml(): string {
  const header = [
    '# Decap CMS configuration, generated from the content schemas (src/schemas/) by',
    '# `npm run cms:config` (src/lib/cms-config.ts). Do not edit: change the schemas and regenerate.',
    '',
  ].join('\n');
  return header + stringify(buildCmsConfig(), { lineWidth: 0, aliasDuplicateObjects: false });
}
