/**
 * French interface strings: the reference for every other language. Labels of the
 * content model's enums live here too, keyed by the constants of src/schemas/enums.ts.
 */
import type {
  CaseStudyStatus,
  Commitment,
  LegalForm,
  MetricKind,
  PartnershipType,
  Scope,
} from '../schemas/enums';

const fr = {
  'site.skipLink': 'Aller au contenu',
  'site.mainNav': 'Navigation principale',
  'site.footerNav': 'Pied de page',
  'site.programmeOf': 'Le programme ESS du Groupe La Poste',
  'site.languageSwitch': 'Langue',
  'site.readIn': 'Read in English',
  'site.noTranslation': 'This page has no English version: English home page',
  'site.contact': 'Contact',
  'site.credits': 'Illustrations : équipe Alliance Dynamique. Sources citées sur chaque page.',
  'site.breadcrumb': 'Fil d’Ariane',
  'site.home': 'Accueil',
  'site.printed': 'Imprimé depuis',

  'nav.caseStudies': 'Études de cas',
  'nav.partners': 'Partenaires',
  'nav.commitments': 'Engagements',
  'nav.brochures': 'Brochures',
  'nav.about': 'Le programme',

  'home.title': 'L’Alliance Dynamique, La Poste et l’économie sociale et solidaire',
  'home.figures': 'Le programme en chiffres',
  'home.latestCaseStudies': 'Partenariats à découvrir',
  'home.allCaseStudies': 'Toutes les études de cas',
  'home.commitments': 'Quatre engagements sociétaux',
  'home.join': 'Votre structure de l’ESS veut agir avec La Poste ?',
  'home.joinLink': 'Devenir partenaire',

  'caseStudies.title': 'Études de cas',
  'caseStudies.intro':
    'Des partenariats entre La Poste et des acteurs de l’économie sociale et solidaire, racontés pour être reproduits dans d’autres territoires.',
  'caseStudies.count': '{count} études de cas',
  'caseStudy.keyFigures': 'Chiffres clés',
  'caseStudy.facts': 'En bref',
  'caseStudy.status': 'Statut',
  'caseStudy.period': 'Période',
  'caseStudy.since': 'depuis {start}',
  'caseStudy.fromTo': '{start} – {end}',
  'caseStudy.territory': 'Territoire',
  'caseStudy.national': 'France entière',
  'caseStudy.commitments': 'Engagements',
  'caseStudy.partnershipTypes': 'Types de partenariat',
  'caseStudy.partners': 'Partenaires',
  'caseStudy.replication': 'Reproduire ce partenariat',
  'caseStudy.sources': 'Sources',
  'caseStudy.published': 'Publié le {date}',
  'caseStudy.updated': 'mis à jour le {date}',

  'figure.source': 'Source',
  'quote.translatedFrom.fr': 'traduit du français',
  'quote.translatedFrom.en': 'traduit de l’anglais',
  'figure.moreThan': 'plus de',
  'figure.about': 'environ',
  'source.undated': 'non daté',
  'source.unknownPublisher': 'éditeur non précisé',

  'partners.title': 'Partenaires',
  'partners.intro': 'Les structures de l’économie sociale et solidaire citées dans nos études de cas.',
  'partners.count': '{count} partenaires',
  'partner.legalForm': 'Forme juridique',
  'partner.legalFormUnknown': 'non renseignée',
  'partner.siret': 'SIRET',
  'partner.rna': 'RNA',
  'partner.scope': 'Échelle d’action',
  'partner.location': 'Implantation',
  'partner.commitments': 'Engagements',
  'partner.partnershipTypes': 'Types de partenariat',
  'partner.website': 'Site web',
  'partner.since': 'Partenaire depuis',
  'partner.networks': 'Réseaux d’appartenance',
  'partner.members': 'Membres du réseau',
  'partner.caseStudies': 'Études de cas',
  'partner.noCaseStudy': 'Aucune étude de cas ne cite encore ce partenaire.',
  'partner.updated': 'Fiche vérifiée le {date}',
  'partner.details': 'Fiche',

  'commitments.title': 'Les quatre engagements sociétaux',
  'commitments.intro':
    'Les partenariats de l’Alliance Dynamique servent les quatre engagements sociétaux inscrits dans la raison d’être du Groupe La Poste.',
  'commitment.metrics': 'Indicateurs',
  'commitment.noMetrics': 'Les sources dont nous disposons ne donnent pas encore d’indicateur chiffré.',
  'commitment.caseStudies': 'Études de cas liées',
  'commitment.year': 'Année',
  'commitment.value': 'Valeur',
  'commitment.indicator': 'Indicateur',
  'commitment.kind': 'Nature',

  'brochures.title': 'Brochures',
  'brochures.intro': 'Des sélections de partenariats, à lire en ligne ou à imprimer.',
  'brochure.contents': 'Au sommaire',
  'brochure.print': 'Pour imprimer cette brochure, utilisez la fonction d’impression de votre navigateur.',

  'page.updated': 'Mis à jour le {date}',
  'notFound.title': 'Page introuvable',
  'notFound.text': 'La page demandée n’existe pas ou a été déplacée.',
  'notFound.back': 'Retour à l’accueil',
  'notFound.caseStudies': 'Consulter les études de cas',
};

export type UiKey = keyof typeof fr;
export type UiStrings = Record<UiKey, string>;

export const labels = {
  commitment: {
    'territorial-cohesion': 'Développement et cohésion des territoires',
    'social-inclusion': 'Inclusion sociale',
    'digital-inclusion': 'Inclusion numérique',
    'ecological-transition': 'Transition écologique',
  } satisfies Record<Commitment, string>,
  /** URL segment of each commitment's page. */
  commitmentSlug: {
    'territorial-cohesion': 'cohesion-des-territoires',
    'social-inclusion': 'inclusion-sociale',
    'digital-inclusion': 'inclusion-numerique',
    'ecological-transition': 'transition-ecologique',
  } satisfies Record<Commitment, string>,
  partnershipType: {
    'responsible-practices': 'Pratiques responsables',
    'skills-sponsorship': 'Mécénat de compétences',
    'economic-cooperation': 'Coopération économique',
    'social-innovation': 'Innovation sociale',
    'shared-places': 'Lieux partagés',
    mediation: 'Médiation en bureau de poste',
  } satisfies Record<PartnershipType, string>,
  legalForm: {
    association: 'Association',
    scop: 'Coopérative (SCOP)',
    scic: 'Coopérative (SCIC)',
    mutual: 'Mutuelle',
    foundation: 'Fondation',
    'ess-company': 'Entreprise de l’ESS (ESUS)',
    federation: 'Fédération ou réseau',
    'public-body': 'Organisme public',
  } satisfies Record<LegalForm, string>,
  scope: {
    local: 'Locale',
    departmental: 'Départementale',
    regional: 'Régionale',
    national: 'Nationale',
  } satisfies Record<Scope, string>,
  status: {
    pilot: 'Expérimentation',
    ongoing: 'En cours',
    scaled: 'Étendu à d’autres territoires',
    ended: 'Terminé',
  } satisfies Record<CaseStudyStatus, string>,
  metricKind: {
    actual: 'Réalisé',
    target: 'Objectif',
  } satisfies Record<MetricKind, string>,
};

export type Labels = typeof labels;

export default fr;
