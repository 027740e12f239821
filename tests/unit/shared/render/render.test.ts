/**
 * The shared render functions (site/lib/render/): the markup both the static build and
 * the API send, so the no-JavaScript error flow is checked here at the string level.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Consultation, FollowUp } from '../../../../shared/contracts/public-content.ts';
import {
  fieldId,
  fillSlot,
  renderConfirmation,
  renderConsultationForm,
  renderErrorSummary,
  renderFollowUp,
  renderFollowUpLookup,
  slot,
} from '../../../../shared/render/index.ts';
import { html } from '../../../../shared/html/index.ts';

const consultation: Consultation = {
  slug: 'fietsroute-stationsstraat',
  topic: 'mobiliteit',
  title: { nl: 'Nieuwe fietsroute', en: 'New cycle route' },
  summary: { nl: 'Samenvatting' },
  background: { nl: 'Achtergrond' },
  afterwards: { nl: 'Daarna' },
  whoDecides: { nl: 'Het college' },
  targetGroups: null,
  outcome: null,
  department: null,
  status: 'open',
  moderation: 'post',
  responseDays: 10,
  opensAt: '2026-11-01T08:00:00.000Z',
  closesAt: '2026-12-15T22:59:00.000Z',
  submissionCount: 0,
  questions: [
    {
      key: 'route',
      kind: 'single_choice',
      prompt: { nl: 'Welke route?', en: 'Which route?' },
      hint: null,
      required: false,
      options: [
        { value: 'stationsstraat', label: { nl: 'Stationsstraat' } },
        { value: 'parklaan', label: { nl: 'Parklaan', en: 'Park Lane' } },
      ],
      scaleMin: null,
      scaleMax: null,
      scaleMinLabel: null,
      scaleMaxLabel: null,
      maxLength: null,
    },
    {
      key: 'veiligheid',
      kind: 'scale',
      prompt: { nl: 'Hoe veilig?' },
      hint: null,
      required: false,
      options: null,
      scaleMin: 1,
      scaleMax: 5,
      scaleMinLabel: { nl: 'heel onveilig' },
      scaleMaxLabel: { nl: 'heel veilig' },
      maxLength: null,
    },
    {
      key: 'voorzieningen',
      kind: 'multiple_choice',
      prompt: { nl: 'Wat is nodig?' },
      hint: { nl: 'Kies wat u wilt.' },
      required: false,
      options: [
        { value: 'verlichting', label: { nl: 'Verlichting' } },
        { value: 'stalling', label: { nl: 'Stalling' } },
        { value: 'groen', label: { nl: 'Groen' } },
      ],
      scaleMin: null,
      scaleMax: null,
      scaleMinLabel: null,
      scaleMaxLabel: null,
      maxLength: null,
    },
    {
      key: 'toelichting',
      kind: 'open_text',
      prompt: { nl: 'Toelichting <b>vet</b>' },
      hint: { nl: 'Schrijf het op.' },
      required: true,
      options: null,
      scaleMin: null,
      scaleMax: null,
      scaleMinLabel: null,
      scaleMaxLabel: null,
      maxLength: 2000,
    },
  ],
};

const followUp: FollowUp = {
  code: 'K7QM-4XPR-9TWD',
  status: 'in_moderation',
  language: 'nl',
  submittedAt: '2026-11-27T10:00:00.000Z',
  erasedAt: null,
  publishedAt: null,
  // 23:30 UTC on 31 December is already 1 January in Amsterdam.
  answerDueAt: '2026-12-31T23:30:00.000Z',
  moderationReason: null,
  houseRule: null,
  consultation: {
    slug: 'fietsroute-stationsstraat',
    title: { nl: 'Nieuwe fietsroute', en: 'New cycle route' },
    responseDays: 10,
  },
  answers: [
    {
      question: 'route',
      prompt: { nl: 'Welke route?' },
      options: [{ value: 'parklaan', label: { nl: 'Langs de Parklaan' } }],
      value: 'parklaan',
    },
    { question: 'toelichting', prompt: { nl: 'Toelichting' }, options: null, value: 'Meer licht <graag>' },
  ],
  replies: [],
};

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`));
  assert.ok(match, `no element with id ${id}`);
  return match[0];
}

describe('renderConsultationForm', () => {
  test('renders a form that posts to the API without JavaScript, with the language as a hidden field', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'nl' }));
    assert.match(
      html,
      /<form[^>]*method="post"[^>]*action="\/api\/consultations\/fietsroute-stationsstraat\/submissions"[^>]*novalidate/,
    );
    assert.match(html, /<input type="hidden" name="lang" value="nl">/);
  });

  test('renders no error summary and no aria-invalid when there are no errors', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'nl' }));
    assert.doesNotMatch(html, /podium-error-summary/);
    assert.doesNotMatch(html, /aria-invalid/);
  });

  test('names every field after the API field paths and gives it the documented id', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'nl' }));
    assert.match(tagWithId(html, 'answer-route-0'), /type="radio"[^>]*name="answers\.route"/);
    assert.match(tagWithId(html, 'answer-veiligheid-4'), /name="answers\.veiligheid" value="5"/);
    assert.match(tagWithId(html, 'answer-voorzieningen-2'), /type="checkbox"[^>]*name="answers\.voorzieningen"/);
    assert.match(tagWithId(html, 'answer-toelichting'), /^<textarea[^>]*name="answers\.toelichting"/);
    assert.match(tagWithId(html, 'submitter-name'), /name="name" autocomplete="name"/);
    assert.match(tagWithId(html, 'submitter-email'), /type="email"[^>]*name="email" autocomplete="email"/);
    assert.match(tagWithId(html, 'submitter-consent'), /type="checkbox"[^>]*name="consent" value="yes"/);
  });

  test('puts radio and checkbox groups in a fieldset with the question as legend', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'nl' }));
    assert.match(html, /<fieldset[^>]*id="answer-route-group"[^>]*>\s*<legend[^>]*>Welke route\?/);
    assert.match(html, /<label class="podium-choice__label" for="answer-veiligheid-0">1 – heel onveilig<\/label>/);
  });

  test('gives the length limit as a hint and data attribute, not as maxlength', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'nl' }));
    const textarea = tagWithId(html, 'answer-toelichting');
    assert.match(textarea, /data-maxlength="2000"/);
    assert.doesNotMatch(textarea, /\smaxlength=/);
    assert.match(textarea, /aria-describedby="answer-toelichting-hint answer-toelichting-limit"/);
    assert.match(html, /maximaal 2000 tekens/);
  });

  test('keeps the submitted values of every kind of field', () => {
    const html = String(
      renderConsultationForm({
        consultation,
        lang: 'nl',
        values: {
          'answers.route': 'parklaan',
          'answers.veiligheid': '3',
          'answers.voorzieningen': ['verlichting', 'groen'],
          'answers.toelichting': 'Meer licht',
          name: 'An de Vries',
          email: 'an@example.org',
          consent: 'yes',
        },
      }),
    );
    assert.match(tagWithId(html, 'answer-route-1'), /\schecked/);
    assert.doesNotMatch(tagWithId(html, 'answer-route-0'), /\schecked/);
    assert.match(tagWithId(html, 'answer-veiligheid-2'), /\schecked/);
    assert.match(tagWithId(html, 'answer-voorzieningen-0'), /\schecked/);
    assert.doesNotMatch(tagWithId(html, 'answer-voorzieningen-1'), /\schecked/);
    assert.match(tagWithId(html, 'answer-voorzieningen-2'), /\schecked/);
    assert.match(html, /<textarea[^>]*id="answer-toelichting"[^>]*>Meer licht<\/textarea>/);
    assert.match(tagWithId(html, 'submitter-name'), /value="An de Vries"/);
    assert.match(tagWithId(html, 'submitter-email'), /value="an@example.org"/);
    assert.match(tagWithId(html, 'submitter-consent'), /\schecked/);
  });

  test('marks invalid fields with aria-invalid and describes them by their error message', () => {
    const html = String(
      renderConsultationForm({
        consultation,
        lang: 'nl',
        errors: [
          { field: 'answers.toelichting', message: 'Vul een toelichting in.' },
          { field: 'answers.route', message: 'Kies een route.' },
          { field: 'email', message: 'Vul een geldig e-mailadres in.' },
        ],
      }),
    );
    const textarea = tagWithId(html, 'answer-toelichting');
    assert.match(textarea, /aria-invalid="true"/);
    assert.match(
      textarea,
      /aria-describedby="answer-toelichting-error answer-toelichting-hint answer-toelichting-limit"/,
    );
    for (const id of ['answer-route-0', 'answer-route-1']) assert.match(tagWithId(html, id), /aria-invalid="true"/);
    assert.match(tagWithId(html, 'answer-route-group'), /aria-describedby="answer-route-error"/);
    assert.match(tagWithId(html, 'submitter-email'), /\saria-invalid="true"/);
    assert.match(tagWithId(html, 'submitter-email'), /aria-describedby="submitter-email-error submitter-email-hint"/);
    assert.doesNotMatch(tagWithId(html, 'submitter-name'), /aria-invalid/);
    assert.doesNotMatch(tagWithId(html, 'answer-voorzieningen-0'), /aria-invalid/);
  });

  test('starts each error message with a visually hidden "Fout:" in Dutch and "Error:" in English', () => {
    const errors = [{ field: 'answers.toelichting', message: 'x' }];
    assert.match(
      String(renderConsultationForm({ consultation, lang: 'nl', errors })),
      /<p class="podium-error-message" id="answer-toelichting-error"><span class="podium-visually-hidden">Fout: <\/span>x<\/p>/,
    );
    assert.match(
      String(renderConsultationForm({ consultation, lang: 'en', errors })),
      /id="answer-toelichting-error"><span class="podium-visually-hidden">Error: <\/span>x/,
    );
  });

  test('renders the error summary first, before the form, when there are errors', () => {
    const html = String(
      renderConsultationForm({ consultation, lang: 'nl', errors: [{ field: 'consent', message: 'x' }] }),
    );
    assert.ok(html.indexOf('podium-error-summary') < html.indexOf('<form'));
  });

  test('escapes HTML in values, messages and consultation texts', () => {
    const html = String(
      renderConsultationForm({
        consultation,
        lang: 'nl',
        values: { 'answers.toelichting': '</textarea><script>alert(1)</script>', name: '"><img src=x>' },
        errors: [{ field: 'name', message: '<b>fout</b>' }],
      }),
    );
    assert.doesNotMatch(html, /<script>|<img|<b>/);
    assert.match(html, /&lt;\/textarea&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/textarea>/);
    assert.match(html, /value="&quot;&gt;&lt;img src=x&gt;"/);
    assert.match(html, /Toelichting &lt;b&gt;vet&lt;\/b&gt;/);
    assert.match(html, /&lt;b&gt;fout&lt;\/b&gt;/);
  });

  test('marks Dutch texts with lang="nl" on the English form when no translation exists', () => {
    const html = String(renderConsultationForm({ consultation, lang: 'en' }));
    assert.match(html, /<legend[^>]*>Which route\?/);
    assert.match(html, /<label[^>]*for="answer-route-0"><span lang="nl">Stationsstraat<\/span><\/label>/);
    assert.match(html, /<label[^>]*for="answer-route-1">Park Lane<\/label>/);
  });
});

describe('renderErrorSummary', () => {
  test('renders nothing when there are no errors', () => {
    assert.equal(String(renderErrorSummary({ consultation, lang: 'nl', errors: [] })), '');
  });

  test('links each error to its field, and radio and checkbox groups to their first option', () => {
    const html = String(
      renderErrorSummary({
        consultation,
        lang: 'nl',
        errors: [
          { field: 'answers.toelichting', message: 'Vul een toelichting in.' },
          { field: 'answers.route', message: 'Kies een route.' },
          { field: 'answers.voorzieningen', message: 'Kies iets.' },
          { field: 'name', message: 'Te lang.' },
          { field: 'consent', message: 'Geef toestemming.' },
        ],
      }),
    );
    assert.match(html, /<a href="#answer-toelichting">Vul een toelichting in\.<\/a>/);
    assert.match(html, /<a href="#answer-route-0">Kies een route\.<\/a>/);
    assert.match(html, /<a href="#answer-voorzieningen-0">Kies iets\.<\/a>/);
    assert.match(html, /<a href="#submitter-name">Te lang\.<\/a>/);
    assert.match(html, /<a href="#submitter-consent">Geef toestemming\.<\/a>/);
  });

  test('links only to ids that exist in the form', () => {
    const html = String(
      renderConsultationForm({
        consultation,
        lang: 'nl',
        errors: [
          { field: 'answers.veiligheid', message: 'a' },
          { field: 'email', message: 'b' },
        ],
      }),
    );
    for (const [, id] of html.matchAll(/<a href="#([^"]+)"/g)) assert.match(html, new RegExp(`\\sid="${id}"`));
  });

  test('shows an error for an unknown field without a broken link', () => {
    const html = String(
      renderErrorSummary({
        consultation,
        lang: 'nl',
        errors: [{ field: 'answers', message: 'Geef een antwoord.' }],
      }),
    );
    assert.match(html, /<li>Geef een antwoord\.<\/li>/);
    assert.equal(fieldId('answers.onbekend', consultation), undefined);
  });

  test('has the heading "Er ging iets mis", takes focus and is not an alert', () => {
    const html = String(renderErrorSummary({ consultation, lang: 'nl', errors: [{ field: 'name', message: 'x' }] }));
    assert.match(html, /<h2[^>]*id="podium-error-summary-heading">Er ging iets mis<\/h2>/);
    assert.match(html, /<div[^>]*tabindex="-1"[^>]*autofocus[^>]*aria-labelledby="podium-error-summary-heading"/);
    assert.doesNotMatch(html, /role="alert"/);
  });

  test('says "Something went wrong" in English', () => {
    assert.match(
      String(renderErrorSummary({ consultation, lang: 'en', errors: [{ field: 'name', message: 'x' }] })),
      /Something went wrong/,
    );
  });
});

describe('renderConfirmation', () => {
  test('shows the follow-up code and links to the follow-up page in the page language', () => {
    const nl = String(renderConfirmation({ followUp, lang: 'nl' }));
    assert.match(nl, /K7QM-4XPR-9TWD/);
    assert.match(nl, /href="\/volg\/K7QM-4XPR-9TWD\/"/);
    assert.match(String(renderConfirmation({ followUp, lang: 'en' })), /href="\/en\/follow-up\/K7QM-4XPR-9TWD\/"/);
  });

  test('gives the answer date in the Amsterdam time zone', () => {
    const html = String(renderConfirmation({ followUp, lang: 'nl' }));
    assert.match(html, /<time datetime="2026-12-31T23:30:00.000Z">1 januari 2027<\/time>/);
  });

  test("escapes the resident's own answers", () => {
    const html = String(renderConfirmation({ followUp, lang: 'nl' }));
    assert.match(html, /Meer licht &lt;graag&gt;/);
  });
});

describe('renderFollowUp', () => {
  test('shows the status as a timeline with the current step marked', () => {
    const html = String(renderFollowUp({ followUp, lang: 'nl' }));
    const steps = [...html.matchAll(/<li class="podium-timeline__step[^"]*"[^>]*>([^<]*)/g)].map((m) => m[1]?.trim());
    assert.deepEqual(steps, ['Ontvangen', 'In behandeling', 'Gepubliceerd', 'Beantwoord']);
    assert.match(
      html,
      /<li class="podium-timeline__step podium-timeline__step--current" aria-current="step">In behandeling/,
    );
    assert.equal(html.match(/aria-current="step"/g)?.length, 1);
  });

  test('shows a rejected response with the moderation reason', () => {
    const html = String(
      renderFollowUp({
        followUp: { ...followUp, status: 'rejected', moderationReason: { nl: 'Uw reactie bevat <persoonsgegevens>.' } },
        lang: 'nl',
      }),
    );
    assert.match(html, /aria-current="step">Afgewezen/);
    assert.match(html, /Waarom is uw reactie afgewezen\?/);
    assert.match(html, /Uw reactie bevat &lt;persoonsgegevens&gt;\./);
  });

  test('names the house rule a rejection cites and links to it on the house rules page', () => {
    const html = String(
      renderFollowUp({
        followUp: {
          ...followUp,
          status: 'rejected',
          moderationReason: null,
          houseRule: { code: 'on-topic', title: { nl: 'Bij het onderwerp' }, body: { nl: 'Blijf bij de vraag.' } },
        },
        lang: 'nl',
      }),
    );
    assert.match(html, /Waarom is uw reactie afgewezen\?/);
    assert.match(html, /Huisregel: Bij het onderwerp/);
    assert.match(html, /Blijf bij de vraag\./);
    assert.match(html, /href="\/huisregels\/#regel-on-topic"/);
  });

  test("shows a choice answer by its option's label, not its stored value", () => {
    const html = String(renderFollowUp({ followUp, lang: 'nl' }));
    assert.match(html, /<dd>Langs de Parklaan<\/dd>/);
    assert.doesNotMatch(html, /<dd>parklaan<\/dd>/);
  });

  test("shows the municipality's replies in their own language", () => {
    const html = String(
      renderFollowUp({
        followUp: {
          ...followUp,
          status: 'answered',
          replies: [
            {
              language: 'nl',
              body: 'Dank u wel.',
              department: { nl: 'Team Verkeer' },
              publishedAt: '2026-12-01T09:00:00.000Z',
            },
          ],
        },
        lang: 'en',
      }),
    );
    assert.match(html, /aria-current="step">Answered/);
    assert.match(html, /<div class="podium-reply__body" lang="nl"><p>Dank u wel\.<\/p><\/div>/);
    assert.doesNotMatch(html, /has not answered yet/);
  });

  test('promises the answer date while there is no reply yet', () => {
    const html = String(renderFollowUp({ followUp, lang: 'nl' }));
    assert.match(html, /De gemeente heeft nog niet geantwoord\./);
    assert.match(html, /uiterlijk op <time datetime="2026-12-31T23:30:00.000Z">1 januari 2027<\/time>/);
  });
});

describe('renderFollowUpLookup', () => {
  test('asks for the code with a GET form to the API, with a hint and the language', () => {
    const html = String(renderFollowUpLookup({ lang: 'nl' }));
    assert.match(html, /<form[^>]*method="get" action="\/api\/follow-up"/);
    assert.match(html, /<input type="hidden" name="lang" value="nl">/);
    assert.match(html, /<label class="podium-form-label" for="follow-up-code">Uw code<\/label>/);
    assert.match(tagWithId(html, 'follow-up-code'), /name="code"[^>]*aria-describedby="follow-up-code-hint"/);
  });

  test('keeps the code and describes the error when the code was not found', () => {
    const html = String(renderFollowUpLookup({ lang: 'en', code: 'ABCD<', error: 'We cannot find this code.' }));
    const input = tagWithId(html, 'follow-up-code');
    assert.match(input, /value="ABCD&lt;"/);
    assert.match(input, /aria-invalid="true"/);
    assert.match(input, /aria-describedby="follow-up-code-hint follow-up-code-error"/);
    assert.match(html, /Error: <\/span>We cannot find this code\./);
  });
});

describe('slots', () => {
  test('fills a slot between its markers and keeps the markers', () => {
    const page = `<main>${slot('form', html`<p>static</p>`)}</main>`;
    assert.equal(page, '<main><!--podium:slot form--><p>static</p><!--/podium:slot form--></main>');
    assert.equal(
      fillSlot(page, 'form', html`<p>$& $1 dynamic</p>`),
      '<main><!--podium:slot form--><p>$& $1 dynamic</p><!--/podium:slot form--></main>',
    );
  });

  test('refuses to fill a slot the page does not have', () => {
    assert.throws(() => fillSlot('<main></main>', 'result', html`x`), /no slot "result"/);
  });
});
