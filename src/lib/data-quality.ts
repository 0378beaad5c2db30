/**
 * Data quality of the partner directory (`npm run check:data`): what the build does not
 * reject but an editor should fix, and the errors that would break an import or the
 * build, listed all at once with the file at fault.
 *
 * Errors (exit code 1): a file the schema rejects, a postal code that is not one of its
 * commune's, duplicate SIRETs, networks naming a missing partner, case studies, brochures
 * or pages naming a missing partner, coordinates outside France or in another part of it
 * than the commune.
 * Warnings: no coordinates (the map places the entry at its commune, approximately, and the
 * GeoJSON has no geometry for it), an incomplete entry (INCOMPLETE_IF, by kind), an entry not
 * checked for over two years.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PartnerFile } from './import-content';
import { communeByCode, postalCodeMatches, territoryAt, territoryOfDepartment } from './geography';
import { normaliseSiret } from './siret';
import { ENTRY_KINDS, PARTNER_KINDS, type EntryKind } from '../schemas/enums';
import { fieldMeta } from '../schemas/meta';
import { partnerFields } from '../schemas/partner';

export type FindingKind =
  | 'invalid'
  | 'postal-code'
  | 'duplicate-siret'
  | 'missing-network'
  | 'missing-partner'
  | 'outside-france'
  | 'no-coordinates'
  | 'incomplete'
  | 'stale';

export type Level = 'error' | 'warning';

export const LEVELS: Record<FindingKind, Level> = {
  invalid: 'error',
  'postal-code': 'error',
  'duplicate-siret': 'error',
  'missing-network': 'error',
  'missing-partner': 'error',
  'outside-france': 'error',
  'no-coordinates': 'warning',
  incomplete: 'warning',
  stale: 'warning',
};

export interface Finding {
  kind: FindingKind;
  level: Level;
  /** Identifier of the entry at fault (its file name without extension): a partner, or
   * the case study, brochure or page that names a missing partner. */
  partner: string;
  file: string;
  message: string;
}

/** How old an entry may be before it is listed as stale. */
export const STALE_AFTER_YEARS = 2;

/** The date `years` before an ISO date (29 February falls back to 28 February). */
export function yearsBefore(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

type Json = Record<string, unknown>;

/** A fact an entry should have, by the fields that hold it: any one of them is enough. */
interface Expected {
  fields: readonly (keyof typeof partnerFields)[];
  /** Which kinds of entry should have it. */
  kinds: readonly EntryKind[];
}

/**
 * What makes an entry complete. The schema already requires what a partner cannot lack
 * (commitments, description); these are what teams need to find and reach an organisation,
 * and what an identity-only import leaves out. Missing facts stay missing on the site: the
 * report only tells editors what to look for in their sources.
 */
export const INCOMPLETE_IF: readonly Expected[] = [
  { fields: ['location'], kinds: ENTRY_KINDS },
  { fields: ['siret', 'rna'], kinds: ENTRY_KINDS },
  { fields: ['description'], kinds: ['ess-organisation'] },
  { fields: ['commitments'], kinds: ['ess-organisation'] },
  { fields: ['partnershipTypes'], kinds: PARTNER_KINDS },
];

const isGiven = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The form labels of what `raw` lacks for its kind ("Implantation", "SIRET ou RNA"). */
export function missingFacts(raw: Json): string[] {
  const kind = raw['kind'] as EntryKind;
  if (!ENTRY_KINDS.includes(kind)) return [];
  return INCOMPLETE_IF.filter((e) => e.kinds.includes(kind) && !e.fields.some((f) => isGiven(raw[f]))).map(
    (e) => e.fields.map((f) => fieldMeta(partnerFields[f])?.label.fr ?? f).join(' ou '),
  );
}
const asObject = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

/** A partner named by a case study, brochure or page (an MDX file). */
export interface PartnerReference {
  /** Path of the MDX file. */
  file: string;
  /** Where in the file: `partners[1]` in the front matter, or `line 52, <PartnerCard>`. */
  where: string;
  partner: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const PARTNER_CARD = /<PartnerCard\b[^>]*?\bid\s*=\s*(["'])(.*?)\1/g;

/** The ids of the <PartnerCard> components of an MDX text, in order of appearance. */
export function partnerCardIds(source: string): string[] {
  return [...source.matchAll(PARTNER_CARD)].map((match) => match[2] ?? '');
}

/**
 * The partners an MDX file names: its front matter's `partners` list (case studies) and
 * the id of each <PartnerCard>. A front matter that is not valid YAML names none here:
 * the build reports it.
 */
export function partnerReferences(file: string, source: string): PartnerReference[] {
  const references: PartnerReference[] = [];
  const frontMatter = FRONT_MATTER.exec(source)?.[1];
  let data: unknown;
  try {
    data = frontMatter === undefined ? undefined : parseYaml(frontMatter);
  } catch {
    data = undefined;
  }
  const listed = asObject(data)?.['partners'];
  if (Array.isArray(listed)) {
    listed.forEach((id, i) => {
      if (typeof id === 'string') references.push({ file, where: `partners[${i}]`, partner: id });
    });
  }
  for (const match of source.matchAll(PARTNER_CARD)) {
    const line = source.slice(0, match.index).split('\n').length;
    references.push({ file, where: `ligne ${line}, <PartnerCard>`, partner: match[2] ?? '' });
  }
  return references;
}

/**
 * Every finding about a set of partner files, and about the partners that `references`
 * (from case studies, brochures and pages) name. `today` (YYYY-MM-DD) dates the staleness
 * check. The checks read the YAML itself, so that one broken field does not hide others.
 */
export function checkPartners(
  files: readonly PartnerFile[],
  today: string,
  references: readonly PartnerReference[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const add = (file: PartnerFile, kind: FindingKind, message: string) =>
    findings.push({ kind, level: LEVELS[kind], partner: file.id, file: file.file, message });
  const ids = new Set(files.map((f) => f.id));
  for (const ref of references) {
    if (ids.has(ref.partner)) continue;
    findings.push({
      kind: 'missing-partner',
      level: LEVELS['missing-partner'],
      partner: path.basename(ref.file, path.extname(ref.file)),
      file: ref.file,
      message: `${ref.where} : aucune fiche « ${ref.partner} » dans l’annuaire (content/partners/${ref.partner}.yaml)`,
    });
  }
  const staleBefore = yearsBefore(today, STALE_AFTER_YEARS);
  const sirets = new Map<string, PartnerFile[]>();

  for (const file of files) {
    const raw = asObject(file.raw);
    if (!raw) {
      add(
        file,
        'invalid',
        file.yamlError
          ? `YAML illisible : ${file.yamlError}`
          : 'le fichier doit contenir des champs « nom: valeur »',
      );
      continue;
    }
    const location = asObject(raw['location']);
    const commune =
      typeof location?.['commune'] === 'string' ? communeByCode(location['commune']) : undefined;
    const postalCode = location?.['postalCode'];

    // Schema errors, except those reported below in their own words.
    if (file.parsed && !file.parsed.success) {
      for (const issue of file.parsed.error.issues) {
        const where = issue.path.map(String).join('.');
        if (where === 'location.postalCode' && commune) continue;
        add(file, 'invalid', `${where || '(fichier)'} : ${issue.message}`);
      }
    }

    if (commune && typeof postalCode === 'string' && !postalCodeMatches(commune, postalCode)) {
      add(
        file,
        'postal-code',
        `le code postal ${postalCode} n’est pas l’un de ceux de ${commune.name} (${commune.code}) : ${commune.postalCodes.join(', ') || 'aucun connu'}`,
      );
    }

    const latitude = location?.['latitude'];
    const longitude = location?.['longitude'];
    if (typeof latitude === 'number' && typeof longitude === 'number') {
      const at = territoryAt(latitude, longitude);
      const expected = commune ? territoryOfDepartment(commune.department.code) : undefined;
      if (!at) {
        add(
          file,
          'outside-france',
          `(${latitude}, ${longitude}) est hors de France et de ses outre-mer : vérifiez l’ordre latitude, longitude`,
        );
      } else if (expected && at !== expected) {
        add(
          file,
          'outside-france',
          `(${latitude}, ${longitude}) est en ${at.name}, mais ${commune!.name} (${commune!.code}) est en ${expected.name}`,
        );
      }
    } else if (commune) {
      add(
        file,
        'no-coordinates',
        `ni latitude ni longitude : la carte la place au centre de ${commune.name}, de façon approximative ; ajoutez ses coordonnées pour la placer exactement`,
      );
    }

    const missing = missingFacts(raw);
    if (missing.length > 0) {
      add(
        file,
        'incomplete',
        `fiche incomplète : ${missing.map((m) => `« ${m} »`).join(', ')} ${missing.length > 1 ? 'manquent' : 'manque'} ; complétez d’après une source, ou laissez vide si aucune ne le dit`,
      );
    }

    const updatedAt = raw['updatedAt'];
    if (typeof updatedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(updatedAt) && updatedAt < staleBefore) {
      add(
        file,
        'stale',
        `vérifiée pour la dernière fois le ${updatedAt}, il y a plus de ${STALE_AFTER_YEARS} ans : vérifiez la fiche et mettez à jour « Vérifiée le » (updatedAt)`,
      );
    }

    if (typeof raw['siret'] === 'string' && raw['siret'].trim() !== '') {
      const siret = normaliseSiret(raw['siret']);
      sirets.set(siret, [...(sirets.get(siret) ?? []), file]);
    }

    const networks = raw['networks'];
    if (Array.isArray(networks)) {
      for (const network of networks) {
        if (typeof network !== 'string') continue;
        if (network === file.id)
          add(file, 'missing-network', 'une structure ne peut pas être son propre réseau');
        else if (!ids.has(network))
          add(
            file,
            'missing-network',
            `networks : aucune fiche « ${network} » dans l’annuaire (content/partners/${network}.yaml)`,
          );
      }
    }
  }

  for (const [siret, group] of sirets) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((g) => g !== file).map((g) => path.basename(g.file));
      add(
        file,
        'duplicate-siret',
        `le SIRET ${siret} figure aussi dans ${others.join(', ')} : une structure n’a qu’une fiche`,
      );
    }
  }

  const order: FindingKind[] = Object.keys(LEVELS) as FindingKind[];
  return findings.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      a.partner.localeCompare(b.partner),
  );
}

const HEADINGS: Record<FindingKind, string> = {
  invalid: 'Fichiers refusés par le schéma',
  'postal-code': 'Codes postaux qui ne sont pas ceux de la commune',
  'duplicate-siret': 'SIRET en double',
  'missing-network': 'Réseaux qui nomment une fiche absente',
  'missing-partner': 'Études de cas, brochures et pages qui nomment une fiche absente',
  'outside-france': 'Coordonnées hors de France, ou loin de la commune',
  'no-coordinates': 'Fiches sans coordonnées (placées au centre de leur commune)',
  incomplete: 'Fiches incomplètes',
  stale: `Fiches non vérifiées depuis plus de ${STALE_AFTER_YEARS} ans`,
};

/** The findings grouped by kind, errors first, then the totals. */
export function formatFindings(
  findings: readonly Finding[],
  partnerCount: number,
  cwd = process.cwd(),
): string {
  const lines: string[] = [];
  for (const kind of Object.keys(HEADINGS) as FindingKind[]) {
    const group = findings.filter((f) => f.kind === kind);
    if (group.length === 0) continue;
    lines.push(
      `${LEVELS[kind] === 'error' ? 'ERREUR' : 'avertissement'} : ${HEADINGS[kind]} (${group.length})`,
    );
    for (const f of group) {
      const relative = path.relative(cwd, f.file);
      lines.push(`  ${relative.startsWith('..') ? f.file : relative} : ${f.message}`);
    }
  }
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  lines.push(`${partnerCount} fiche(s) vérifiée(s) : ${errors} erreur(s), ${warnings} avertissement(s).`);
  return lines.join('\n');
}
