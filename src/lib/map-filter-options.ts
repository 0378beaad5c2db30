/**
 * The values each filter of the map offers, with their labels in a language: every kind of
 * entry, region, department and closed-list value, whether or not an entry has it yet (the
 * map's script counts them and disables the empty ones). One list for the map's form
 * (PartnerMap.astro) and the embed code form (EmbedBuilder.astro).
 */
import { COMMITMENTS, ENTRY_KINDS, LEGAL_FORMS, PARTNERSHIP_TYPES, type Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';
import { allDepartments, allRegions } from './geography';
import { frenchCollator } from './format';
import { compareCodes, type Facet } from './map-points';

export interface FilterOption {
  value: string;
  label: string;
}

export function mapFilterOptions(locale: Locale): Record<Facet, FilterOption[]> {
  const labels = labelsFor(locale);
  return {
    kind: ENTRY_KINDS.map((k) => ({ value: k, label: labels.kind[k] })),
    region: allRegions()
      .map((r) => ({ value: r.code, label: r.name }))
      .sort((a, b) => frenchCollator.compare(a.label, b.label)),
    department: allDepartments()
      .map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))
      .sort((a, b) => compareCodes(a.value, b.value)),
    commitment: COMMITMENTS.map((c) => ({ value: c, label: labels.commitment[c] })),
    partnershipType: PARTNERSHIP_TYPES.map((p) => ({ value: p, label: labels.partnershipType[p] })),
    legalForm: LEGAL_FORMS.map((l) => ({ value: l, label: labels.legalForm[l] })),
  };
}
