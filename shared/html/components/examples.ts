/**
 * The shape of a component's examples: named inputs with the markup they must give. The
 * examples document a component (like the widgets' examples.ts) and drive its rendering
 * test (tests/unit/shared/html/<name>.test.ts), which renders every one and compares.
 */
export type Example<Input> = {
  name: string;
  /** When to use this variant, for a reader of the examples. */
  description: string;
  input: Input;
  /** The exact markup the input gives. */
  html: string;
};

export type ComponentExamples<Input> = {
  component: string;
  summary: string;
  examples: ReadonlyArray<Example<Input>>;
};

/** Text a hostile resident might type: every component must show it, never run it. */
export const hostile = `<script>alert("x")</script> & 'quotes'`;
/** The same text as it must appear in the markup. */
export const hostileEscaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;';
