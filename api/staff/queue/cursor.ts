/** A list page's cursor in the address (`?na=`): `<microseconds>.<id>` of the previous page's last item. */
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';

export const Cursor = InputText.regex(/^\d{1,20}\.[0-9a-f-]{36}$/)
  .transform((value) => {
    const [micros, id] = value.split('.') as [string, string];
    return { micros, id };
  })
  .pipe(z.object({ micros: InputText, id: z.uuid() }));
