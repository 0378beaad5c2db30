/**
 * Every closed list of the content model, declared once. Schemas, labels (src/i18n),
 * filters and the CMS read these constants; their labels live in the UI string files.
 */

/** Languages of the site: French first (at the root), English under /en/. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** La Poste's four social commitments, as written in its mission-driven company charter. */
export const COMMITMENTS = [
  'territorial-cohesion',
  'social-inclusion',
  'digital-inclusion',
  'ecological-transition',
] as const;
export type Commitment = (typeof COMMITMENTS)[number];

/** The kinds of partnership the Alliance Dynamique builds with ESS organisations. */
export const PARTNERSHIP_TYPES = [
  'responsible-practices',
  'skills-sponsorship',
  'economic-cooperation',
  'social-innovation',
  'shared-places',
  'mediation',
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

/** Legal forms of ESS organisations (and the public bodies they work with). */
export const LEGAL_FORMS = [
  'association',
  'scop',
  'scic',
  'mutual',
  'foundation',
  'ess-company',
  'federation',
  'public-body',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/**
 * What a directory entry is. The programme's partners, ESS organisations or public bodies
 * (institutional partners, such as public operators), are told apart from the ESS
 * organisations the directory references so that teams can find them, with no partnership
 * (yet): the 20,000 points of the map are mostly these.
 */
export const ENTRY_KINDS = ['ess-partner', 'institutional-partner', 'ess-organisation'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The kinds that are partners of La Poste (commitments and description required). */
export const PARTNER_KINDS: readonly EntryKind[] = ['ess-partner', 'institutional-partner'];

/** Geographic reach of a partner's action. */
export const SCOPES = ['local', 'departmental', 'regional', 'national'] as const;
export type Scope = (typeof SCOPES)[number];

/** Life cycle of a partnership told in a case study. */
export const CASE_STUDY_STATUSES = ['pilot', 'ongoing', 'scaled', 'ended'] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

/** Whether a yearly metric was measured or is an announced goal. */
export const METRIC_KINDS = ['actual', 'target'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** How a source words a figure: exactly, "more than" or "about". */
export const METRIC_QUALIFIERS = ['exact', 'more-than', 'about'] as const;
export type MetricQualifier = (typeof METRIC_QUALIFIERS)[number];

/** The institutional pages every public site needs; one MDX file per language each. */
export const PAGE_KEYS = [
  'about',
  'become-partner',
  'legal-notice',
  'accessibility',
  'personal-data',
] as const;
export type PageKey = (typeof PAGE_KEYS)[number];
