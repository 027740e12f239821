/**
 * One invalid field, in the two forms it travels in. Types only, so widgets may import them.
 *
 * `field` is a field path: `answers.<key>`, `name`, `email`, `consent`, a header such as
 * `idempotency-key`, a staff form's field name, or '' for the form as a whole.
 */

/** What is wrong, as a message code with its parameters (services, problem+json `errors[].code`). */
export type FieldError<Code extends string = string> = {
  field: string;
  code: Code;
  params?: Record<string, string | number>;
};

/** What is wrong, in words for people (error summaries and messages next to fields). */
export type FieldMessage = { field: string; message: string };
