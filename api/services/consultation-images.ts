/**
 * Images of a consultation: a map of the street, a drawing of the plan. Each carries an
 * alternative text in Dutch and in English (WCAG 1.1.1), and may carry a caption. Staff add,
 * replace, reorder and remove them; every change goes through the consultation's versioned
 * change (consultation-authoring.ts), so it is refused on a stale version, audited with the
 * images before and after, kept in the revision and, once public, rebuilds the portal.
 *
 * The file's type is read from its bytes (image-facts.ts), never from its name or declared
 * type; its size in pixels is held to `MAX_IMAGE_SIDE` whatever its header claims, and what is
 * stored is the image without its metadata (image-metadata.ts: a phone photo's GPS position
 * and the like are never published). There is no "decorative" option: an image in a consultation carries content (a plan,
 * a place); one that does not is better left out than shown with an empty alternative.
 *
 * The bytes live in the database, so the embedded and the server database both carry them,
 * and Podium serves them at an address made of their own SHA-256 (`publicImageUrl`): the
 * same address always means the same bytes, so it may be cached for a year. Only images of
 * consultations that are public (not drafts) are served there (`publicImage` in consultations.ts).
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { InputText } from '../../shared/contracts/input-text.ts';
import type { Db } from '../db/client.ts';
import { consultationImages, consultations } from '../db/schema.ts';
import {
  versionedChange,
  type Actor,
  type AuthoredImage,
  type ConsultationInput,
  type ConsultationRow,
  type Stale,
  type Tx,
} from './consultation-authoring.ts';
import { acceptImage, type ImageType } from './image-facts.ts';

export const MAX_IMAGES = 10;
/** Large enough for a clear photo or plan at screen size; the database carries every byte. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Wider than a 48-megapixel phone photo; beyond it a browser spends hundreds of megabytes decoding one image. */
export const MAX_IMAGE_SIDE = 8192;
const IMAGE_TYPES: readonly ImageType[] = ['image/png', 'image/jpeg', 'image/webp'];
export const ALT_MAX = 300;
export const CAPTION_MAX = 300;

const Text = (max: number) => InputText.trim().max(max);

/** What staff write about an image: the alternative text (both languages required) and a caption. */
export const ImageTextsInput = z.object({
  alt: z.object({ nl: Text(ALT_MAX), en: Text(ALT_MAX) }),
  caption: z.object({ nl: Text(CAPTION_MAX), en: Text(CAPTION_MAX) }).default({ nl: '', en: '' }),
});
export type ImageTextsInput = z.infer<typeof ImageTextsInput>;

export type UploadedFile = { bytes: Uint8Array; name: string };

/** Why an image or its texts are refused; `field` names the part of the input. */
export type ImageProblem =
  | {
      field: 'file';
      code: 'file_missing' | 'file_type' | 'file_size' | 'file_dimensions' | 'file_damaged' | 'too_many';
    }
  | { field: 'alt.nl' | 'alt.en'; code: 'alt_missing' | 'alt_file_name' };

/** "IMG_2041.jpg", "img 2041" and "IMG-2041" are all the same name to a reader. */
const plainName = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s._-]+/g, ' ')
    .trim();

/** Whether an alternative text merely repeats the file's name (with or without its extension). */
export function repeatsFileName(alt: string, fileName: string): boolean {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  const said = plainName(alt);
  return said !== '' && (said === plainName(name) || said === plainName(base));
}

/** The texts' problems: an alternative text in each language that is more than the file's name. */
export function textProblems(texts: ImageTextsInput, fileName: string): ImageProblem[] {
  const problems: ImageProblem[] = [];
  for (const lang of ['nl', 'en'] as const) {
    const alt = texts.alt[lang];
    if (!alt) problems.push({ field: `alt.${lang}`, code: 'alt_missing' });
    else if (repeatsFileName(alt, fileName)) problems.push({ field: `alt.${lang}`, code: 'alt_file_name' });
  }
  return problems;
}

/** The file's problems, and what it is when it has none: its type, size and the bytes to store. */
export function fileProblems(file: UploadedFile | undefined) {
  if (!file || file.bytes.length === 0) return { problems: [{ field: 'file', code: 'file_missing' } as const] };
  if (file.bytes.length > MAX_IMAGE_BYTES) return { problems: [{ field: 'file', code: 'file_size' } as const] };
  const image = acceptImage(file.bytes, { types: IMAGE_TYPES, maxSide: MAX_IMAGE_SIDE });
  if ('refused' in image) return { problems: [{ field: 'file', code: `file_${image.refused}` } as const] };
  return { problems: [], facts: image };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const stored = (text: { nl: string; en: string }) => (text.nl || text.en ? { nl: text.nl, en: text.en } : null);

export type ImageResult =
  | { kind: 'done'; version: number; id: string }
  | { kind: 'invalid'; problems: ImageProblem[] }
  | { kind: 'image_not_found' }
  | { kind: 'not_found' }
  | Stale;

type Params = { actor: Actor; slug: string; version: number; now: Date };

/** What every image change writes: the consultation's version, nothing else of its columns. */
function imageChange(
  current: { row: ConsultationRow; input: ConsultationInput },
  change: 'added' | 'replaced' | 'texts' | 'moved' | 'removed',
  id: () => string,
  write: () => Promise<void>,
) {
  return {
    set: {},
    input: current.input,
    publish: current.row.status !== 'draft',
    imagesChanged: true,
    async write(_row: unknown, version: number) {
      await write();
      return {
        action: 'consultation.images_changed' as const,
        details: { change, image: id() },
        result: { kind: 'done', version, id: id() } as const,
      };
    },
  };
}

/** Adds an image at the end, with its texts. */
export async function addImage(
  db: Db,
  params: Params & { file: UploadedFile | undefined; texts: ImageTextsInput },
): Promise<ImageResult> {
  return versionedChange(db, params, async (tx, current) => {
    const checked = fileProblems(params.file);
    const problems: ImageProblem[] = [...checked.problems, ...textProblems(params.texts, params.file?.name ?? '')];
    if (current.images.length >= MAX_IMAGES) problems.unshift({ field: 'file', code: 'too_many' });
    if (problems.length > 0 || !checked.facts) return { kind: 'invalid', problems } as const;
    const { facts } = checked;
    let id = '';
    return imageChange(
      current,
      'added',
      () => id,
      async () => {
        const [row] = await tx
          .insert(consultationImages)
          .values({
            consultationId: current.row.id,
            position: current.images.length,
            mime: facts.mime,
            bytes: facts.bytes,
            sha256: sha256(facts.bytes),
            width: facts.width,
            height: facts.height,
            fileName: params.file!.name.slice(0, 255),
            alt: params.texts.alt,
            caption: stored(params.texts.caption),
            createdAt: params.now,
          })
          .returning({ id: consultationImages.id });
        id = row!.id;
      },
    );
  });
}

/** New texts for an image, and a new file in its place when one is given. */
export async function updateImage(
  db: Db,
  params: Params & { id: string; file?: UploadedFile | undefined; texts: ImageTextsInput },
): Promise<ImageResult> {
  return versionedChange(db, params, async (tx, current) => {
    const image = current.images.find((i) => i.id === params.id);
    if (!image) return { kind: 'image_not_found' } as const;
    const checked = params.file ? fileProblems(params.file) : undefined;
    const fileName = params.file?.name ?? image.fileName;
    const problems: ImageProblem[] = [...(checked?.problems ?? []), ...textProblems(params.texts, fileName)];
    if (problems.length > 0) return { kind: 'invalid', problems } as const;
    const facts = checked?.facts;
    return imageChange(
      current,
      facts ? 'replaced' : 'texts',
      () => image.id,
      async () => {
        await tx
          .update(consultationImages)
          .set({
            alt: params.texts.alt,
            caption: stored(params.texts.caption),
            ...(facts && params.file
              ? {
                  mime: facts.mime,
                  bytes: facts.bytes,
                  sha256: sha256(facts.bytes),
                  width: facts.width,
                  height: facts.height,
                  fileName: params.file.name.slice(0, 255),
                }
              : {}),
          })
          .where(eq(consultationImages.id, image.id));
      },
    );
  });
}

/** Moves an image to a place (1-based, clamped to the list). */
export async function moveImage(db: Db, params: Params & { id: string; position: number }): Promise<ImageResult> {
  return versionedChange(db, params, async (tx, current) => {
    const image = current.images.find((i) => i.id === params.id);
    if (!image) return { kind: 'image_not_found' } as const;
    const order = current.images.filter((i) => i.id !== image.id);
    const to = Math.min(Math.max(params.position - 1, 0), order.length);
    order.splice(to, 0, image);
    return imageChange(
      current,
      'moved',
      () => image.id,
      () => renumber(tx, order),
    );
  });
}

/** Removes an image; the others close ranks. */
export async function removeImage(db: Db, params: Params & { id: string }): Promise<ImageResult> {
  return versionedChange(db, params, async (tx, current) => {
    const image = current.images.find((i) => i.id === params.id);
    if (!image) return { kind: 'image_not_found' } as const;
    return imageChange(
      current,
      'removed',
      () => image.id,
      async () => {
        await tx.delete(consultationImages).where(eq(consultationImages.id, image.id));
        await renumber(
          tx,
          current.images.filter((i) => i.id !== image.id),
        );
      },
    );
  });
}

async function renumber(tx: Tx, order: readonly AuthoredImage[]) {
  for (const [position, image] of order.entries()) {
    if (image.position !== position)
      await tx.update(consultationImages).set({ position }).where(eq(consultationImages.id, image.id));
  }
}

// ---- reading -------------------------------------------------------------------------------------

/** An image of one of the organisation's consultations, for the workbench's preview (drafts too). */
export async function staffImage(
  db: Db,
  organisationId: string,
  slug: string,
  id: string,
): Promise<{ mime: string; bytes: Uint8Array } | undefined> {
  const [row] = await db
    .select({ mime: consultationImages.mime, bytes: consultationImages.bytes })
    .from(consultationImages)
    .innerJoin(consultations, eq(consultations.id, consultationImages.consultationId))
    .where(
      and(
        eq(consultationImages.id, id),
        eq(consultations.organisationId, organisationId),
        eq(consultations.slug, slug),
      ),
    )
    .limit(1);
  return row;
}
