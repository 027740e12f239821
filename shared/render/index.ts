/** The render functions shared by the Astro build and the API. */
export { fillSlot, slot } from './html.ts';
export {
  type ConsultationFormOptions,
  type FieldError,
  type FormValues,
  fieldId,
  renderConsultationForm,
  renderErrorSummary,
} from './form.ts';
export { type FollowUpOptions, renderConfirmation, renderFollowUp, renderFollowUpLookup } from './follow-up.ts';
export { renderPublishedSubmission } from './answers.ts';
export {
  type LinkedInput,
  renderDataRequestForm,
  renderDataRequestSent,
  renderErased,
  renderEraseConfirmation,
  renderLinkedInput,
  renderLinkInvalid,
  renderLinkOpen,
  renderRightsSection,
} from './rights.ts';
