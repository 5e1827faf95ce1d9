import { c } from './c.mjs';
log('b evaluated', c);
export const b = 'b';
