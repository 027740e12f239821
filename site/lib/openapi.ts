/**
 * Reads the OpenAPI document the API writes (dist/openapi.json, or PODIUM_OPENAPI) into a
 * flat list of operations for the API reference page. Missing file: null, and the page
 * says so; the site builds without the API.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description: string | undefined;
}

export interface ApiOperation {
  method: string;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  parameters: ApiParameter[];
  requestBody: string[] | undefined;
  responses: Array<{ code: string; description: string | undefined }>;
}

export interface ApiReference {
  title: string | undefined;
  version: string | undefined;
  operations: ApiOperation[];
}

type Json = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** Follows a local `$ref` such as `#/components/parameters/Code`. */
function deref(document: Json, value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  const ref = str(value.$ref);
  if (!ref?.startsWith('#/')) return value;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/'))
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isObject(node) ? node : undefined;
}

function parameters(document: Json, ...lists: unknown[]): ApiParameter[] {
  const byKey = new Map<string, ApiParameter>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const p = deref(document, item);
      const name = str(p?.name);
      const location = str(p?.in);
      if (!p || !name || !location) continue;
      byKey.set(`${location}:${name}`, {
        name,
        in: location,
        required: p.required === true,
        description: str(p.description),
      });
    }
  }
  return [...byKey.values()];
}

export function parseOpenApi(document: Json): ApiReference {
  const info = isObject(document.info) ? document.info : {};
  const operations: ApiOperation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    if (!item) continue;
    for (const method of methods) {
      const op = deref(document, item[method]);
      if (!op) continue;
      const body = deref(document, op.requestBody);
      const responses = isObject(op.responses) ? op.responses : {};
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: str(op.summary),
        description: str(op.description),
        parameters: parameters(document, item.parameters, op.parameters),
        requestBody: body && isObject(body.content) ? Object.keys(body.content) : undefined,
        responses: Object.entries(responses).map(([code, response]) => ({
          code,
          description: str(deref(document, response)?.description),
        })),
      });
    }
  }
  return { title: str(info.title), version: str(info.version), operations };
}

/** The parsed API reference, or null when the OpenAPI file does not exist (yet). */
export async function readApiReference(
  path: string = resolve(__PODIUM_BUILD_INPUTS__.openApi),
): Promise<ApiReference | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const document: unknown = JSON.parse(text);
  if (!isObject(document)) throw new Error(`${path} is not an OpenAPI document.`);
  return parseOpenApi(document);
}
