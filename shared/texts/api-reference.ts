/** Texts of the API reference page. */

export const nl = {
  title: 'API-documentatie',
  heading: 'API-documentatie',
  intro: 'Met de open API haalt u consultaties en gepubliceerde reacties op. U kunt er ook reacties mee versturen.',
  download: 'Download de OpenAPI-beschrijving (JSON)',
  missing: 'De API-beschrijving is nog niet gemaakt. Deze pagina toont de API zodra dist/openapi.json bestaat.',
  endpointsHeading: 'Endpoints',
  parameters: 'Parameters',
  responses: 'Antwoorden',
  requestBody: 'Inhoud van het verzoek',
  name: 'Naam',
  location: 'Plaats',
  required: 'Verplicht',
  description: 'Omschrijving',
  yes: 'ja',
  no: 'nee',
  code: 'Code',
  // The API's own descriptions are English: only the Dutch page needs to say so.
  docsLanguageNote: 'De omschrijvingen in de API zijn in het Engels.' as string | null,
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'API reference',
  heading: 'API reference',
  intro: 'With the open API you can fetch consultations and published responses, and send responses.',
  download: 'Download the OpenAPI description (JSON)',
  missing: 'The API description has not been generated yet. This page lists the API once dist/openapi.json exists.',
  endpointsHeading: 'Endpoints',
  parameters: 'Parameters',
  responses: 'Responses',
  requestBody: 'Request body',
  name: 'Name',
  location: 'In',
  required: 'Required',
  description: 'Description',
  yes: 'yes',
  no: 'no',
  code: 'Code',
  docsLanguageNote: null,
};
