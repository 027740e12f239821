/**
 * The demo's one consultation image: a schematic map of the new cycle route on Stationsstraat
 * (640 × 360 PNG, no text in it), with its alternative text, so the demo shows how a
 * consultation carries an image and so the portal's accessibility checks meet one.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultationImages } from '../db/schema.ts';
import { imageFacts } from './image-facts.ts';

const ROUTE_MAP_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAoAAAAFoCAMAAADw7LpjAAAA3lBMVEXZ3M+/OSv+/v4wW4PAOStaa3sfTnn////u8ua506lCao7i6O4nTXUkUnzG0t3g5+3I097j6e44S203S203Sm1XepsxXYRZfJxBaY0yXYVJSWUqVn8pVn/U3eVHSGZRdpfT3OVDao+NQENCSmfV3uY2S21ESWdTd5g5Sm3K1d/J1d+MP0RDSmgoTXRBSWiJQUXL1uCLQEWjPDmhPTpwRFKzw9IjUXxwQ1JvQ1KOpbuNpbu2xdO1xdOgPTufPTuPp7xtRFNAaI1Oc5WPprxISWW3xtTF0dzS3ORQdZbf5uzFWJqTAAAACXBIWXMAAAsTAAALEwEAmpwYAAAFv0lEQVR42u3d2VITURQF0CRgBxNGAUFBRUVxnucJFZz+/4d404r0PR2tQ2Va+9nqcp+9XtBOaC3MRLo10WMc0gJQDwANByCAegBoOAAB1ANAwwEIoB4AGg5AAPUA0HAAAqgHgAACCKAeAAIIoOH0ABBAAA2nB4AAAmg4PQAEEEDD6QEggAAaTg8AAQTQcHoACCCAhtMDQAABNJweAAIIoOEABFAPAA0HIIB6AGg4AAHUA0DDAQigHgAaDsDBPziBGXY4Pc7y7wwggAAaDkAAAQTQcAACCCCAhgMQQAABNByAAAIIoOEABFAPAA0HIIB6AAgggADqASCAAAKoB4AAAgigHgACCCCAegAIIIAA6gEggAAaTg8AAQTQcHoACCCAhtMDQAABNByAAAIIoOEABBBAAA0HIIAAAmg4AAEEEEDDAQgggAAaDkAA9QDQcAACqAeAAAIIoB4AAggggHoACCCAAOoBIIAAAqgHgAACCKAeAAIIoOH0ABBAAA2nB4AAAmi46epxLiUAAggggAACCCCAAAIIIIAAAggggAACCCCAAAIIIIAAAqgHgAACCKAeAAIIIIAAAggggAACCCCAAAIIIIAAAggggAACCCCAAAIIIICGAxBAAAE0HIAAAgig4QAEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAD1ABBAAAHUA0AAAQRQDwABBBBAAAEEEMDJTzycHqMLgHoAaDgAAdQDQMMBCKAeABoOQAD1ANBwAAKox9kC7IqMMAAKgAKgCIACoMi4Aez8eLe5vbvb23y7516S7KURYOfll+p3tj90HFgyvTQBXPlaDeRn340l0UsDwLuXqr8y992VJc9LDHD5VXUqS6vuLGleQoD9i1VN5n65tGR5ac2X035U1eZBe14kx0sE8HFVyH3HliQvAcD2RumBFxxbkrwEAD9VxTx3bsnxEgD8XH7ga+eWHC8BwKvlB152bsnxEgC8VX7gunNLjpcA4GL5gYvOLTle/g/gQ+eWHC8BwI3yA/07jCR5CQAe+yFE/iHH2T+EvCk/8IVzS46XAODH8gOfObfkeIn+K2699Lw7ri1JXqKXEZ6WHnjDtSXJS/g61s365932OpZkeQlfSF2rf8FwxauXkuUlfiV/danmFet7Li1pXho+lPTk9IdMlt1Z8rw0fSyzf23weQdrriyJXpo/mP6+9+dx1785saR6Gea7Ya4cbfV2dnpbh/vuK8lefDmRdH07lgAoAqAAKAKgzA5Av6hGD78pyXAAAqgHgIYDEEA9ADQcgADqAaDhAARQDwANB2BrAjPscNPS4/wYBUAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABBBBAAAEEEEAAAQQQQAABnO7Ew+kxugCoB4CGAxBAPQA0HIAA6gGg4QAEUA8ADQcggHoAaDgAAdQDQMMBCKAeAAIIoOH0ABBAAA2nB4AAAmg4PQAEEEDD6QEggAAaTg8AAQTQcHoACCCAhtMDQAABNJweAAIIoOEABFAPAA0HIIB6AGg4AAHUA0DDAQigHgAabkYAngDah5mjWvOIaAAAAABJRU5ErkJggg==';

/** Adds the route map to the cycle route consultation, unless it has images already. */
export async function seedRouteMap(db: Db, consultationId: string, now: Date): Promise<void> {
  const existing = await db
    .select({ id: consultationImages.id })
    .from(consultationImages)
    .where(eq(consultationImages.consultationId, consultationId))
    .limit(1);
  if (existing.length > 0) return;
  const bytes = new Uint8Array(Buffer.from(ROUTE_MAP_PNG, 'base64'));
  const facts = imageFacts(bytes)!;
  await db.insert(consultationImages).values({
    consultationId,
    position: 0,
    mime: facts.mime,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: facts.width,
    height: facts.height,
    fileName: 'fietsroute-kaart.png',
    alt: {
      nl: 'Schematische kaart van de Stationsstraat. De nieuwe fietsroute loopt als rode lijn over de hele lengte van de straat, van het centrum links tot het station rechts. Rechts onder de straat ligt het park.',
      en: 'Schematic map of Stationsstraat. The new cycle route runs as a red line along the whole street, from the town centre on the left to the station on the right. The park lies to the right, below the street.',
    },
    caption: {
      nl: 'De route zoals Team Verkeer hem nu voorstelt.',
      en: 'The route as the traffic team proposes it now.',
    },
    createdAt: now,
  });
}
